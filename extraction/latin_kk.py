"""Kazakh in the 2018 Latin alphabet (acute accents: á ǵ ı ń ó ú ý) read through Cyrillic.

Every rule of the extractor is written for Cyrillic Kazakh, so a Latin-script article is transliterated first and
its offsets are mapped back: evidence, partner names and amounts always come from the original text.

Letters (2018 decree): á=ә, ǵ=ғ, i=і, ı=и/й, j=ж, ń=ң, ó=ө, q=қ, u=ұ, ú=ү, y=ы, ý=у, sh=ш, ch=ч; ıa=я, ıý=ю.
Names kept as written: words in quotes, words with letters Kazakh Latin does not use (w, x, c), acronyms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KK_LATIN_ONLY = set("áǵıńóúýÁǴŃÓÚÝ")
_MARKS = re.compile("[áǵıńóúýÁǴŃÓÚÝ]")
_SINGLE = {
    "a": "а", "á": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ǵ": "ғ", "h": "х", "i": "і",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ń": "ң", "o": "о", "ó": "ө", "p": "п", "q": "қ",
    "r": "р", "s": "с", "t": "т", "u": "ұ", "ú": "ү", "v": "в", "y": "ы", "ý": "у", "z": "з",
}
_VOWELS = set("aáeiıoóuúyýаәеіиоөұүыуэюяё")
_WORD = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’-]*")
_FOREIGN = re.compile(r"[wxcWXC]")
# Kazakh abbreviations written in capitals: transliterated, not kept as names
_ACRONYMS = {"JSHS": "ЖШС", "JShS": "ЖШС", "JSHQ": "ЖШҚ", "JShQ": "ЖШҚ", "AQ": "АҚ", "AQSh": "АҚШ", "AQSH": "АҚШ",
             "QR": "ҚР", "ShQ": "ШҚ", "SHQ": "ШҚ", "UK": "ҰК", "BUU": "БҰҰ",
             "GVt": "ГВт", "MVt": "МВт", "kVt": "кВт"}
# loanwords spelt with э in Cyrillic Kazakh ("elektr" -> "электр", not "електр")
_E_LOANS = re.compile(r"^(?:elektr|ekonom|energ|eksport|ekolog|eksk|effekt|eko)", re.IGNORECASE)
# a short span in quotes is a name («Turkestan Textile»); a long one is quoted speech, read like the rest
_SHORT_QUOTE = re.compile(r"[«“„\"]([^«»“”„\"\n]{1,60})[»”\"]")


def is_kazakh_latin(text: str) -> bool:
    """True when the text is Kazakh written in the 2018 Latin alphabet (its accented letters are frequent)."""
    sample = text[:6000]
    marks = len(_MARKS.findall(sample))
    if marks < 6:
        return False
    letters = sum(1 for ch in sample if ch.isalpha())
    # a short excerpt has few accented letters in all, but many for its length (a Turkish or Polish name in an
    # English text has two or three)
    return letters > 0 and (marks >= 12 and marks / letters > 0.012 or marks / letters > 0.025)


@dataclass(frozen=True)
class Transliterated:
    text: str  # the Cyrillic reading
    origin: list[int]  # origin[i]: index in the original text of the character that gave text[i]; one extra at end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the transliterated text -> offsets of the same span in the original text."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        if end == start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + self._width(end - 1)

    def _width(self, i: int) -> int:
        nxt = self.origin[i + 1] if i + 1 < len(self.origin) else self.origin[i] + 1
        return max(1, nxt - self.origin[i])


def _word_to_cyrillic(word: str) -> str:
    out: list[str] = []
    low = word.lower()
    i = 0
    if _E_LOANS.match(word):
        out.append("Э" if word[0].isupper() else "э")
        i = 1
    while i < len(word):
        ch, lo = word[i], low[i]
        two = low[i : i + 2]
        upper = ch.isupper()
        if two in ("sh", "ch"):
            cyr = "ш" if two == "sh" else "ч"
            i += 2
        elif low[i : i + 3] == "tsı":
            cyr = "ц"  # loanwords: "ınvestıtsııa" = "инвестиция", "stantsııa" = "станция"
            i += 2
        elif two in ("ıa", "ıý"):
            cyr = "я" if two == "ıa" else "ю"
            i += 2
        elif lo == "ı":
            prev = out[-1].lower() if out else ""
            cyr = "й" if prev in _VOWELS else "и"
            i += 1
        else:
            cyr = _SINGLE.get(lo, ch)
            i += 1
        out.append(cyr.upper() if upper else cyr)
    return "".join(out)


def _keep_as_written(word: str, quoted: bool) -> bool:
    if quoted and len(word) > 1 or _FOREIGN.search(word):
        return True
    if any(ch in _KK_LATIN_ONLY for ch in word):
        return False
    if sum(ch.isupper() for ch in word) > 1:  # acronyms and CamelCase names: ACWA, KTZ-Express
        return True
    return False


def transliterate(text: str) -> Transliterated:
    """The Cyrillic reading of a Kazakh-Latin text with an offset map back to the original."""
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    names = [(q.start(1), q.end(1)) for q in _SHORT_QUOTE.finditer(text) if len(q.group(1).split()) <= 5]
    for m in _WORD.finditer(text):
        gap = text[pos : m.start()]
        for k, ch in enumerate(gap):
            pieces.append(ch)
            origin.append(pos + k)
        word = m.group(0)
        if word in _ACRONYMS:
            for k, cyr in enumerate(_ACRONYMS[word]):
                pieces.append(cyr)
                origin.append(m.start() + min(k, len(word) - 1))
        elif _keep_as_written(word, any(a <= m.start() < b for a, b in names)):
            pieces.append(word)
            origin.extend(range(m.start(), m.end()))
        else:
            # map each Cyrillic letter to the first Latin letter that produced it
            low = word.lower()
            i = 0
            for cyr in _word_to_cyrillic(word):
                pieces.append(cyr)
                origin.append(m.start() + i)
                step = 2 if low[i : i + 2] in ("sh", "ch", "ıa", "ıý") or low[i : i + 3] == "tsı" else 1
                i += step
        pos = m.end()
    for k, ch in enumerate(text[pos:]):
        pieces.append(ch)
        origin.append(pos + k)
    origin.append(len(text))
    return Transliterated("".join(pieces), origin)
