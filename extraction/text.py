"""Sentence splitting with offsets and per-article language detection (no models, only regexes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources.language import detect_lang

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Tokens after which a full stop does not end a sentence: legal forms, initials, units.
_NO_BREAK_AFTER = {
    "co", "pvt", "st", "mr", "mrs", "dr", "no", "vs", "etc", "jr", "sr",
    "г", "гг", "т", "ул", "им", "обл", "р", "с", "п", "д", "кв",
    "s.a", "u.s", "e.g", "i.e", "о", "б",
}
# after these a capital letter starts a new sentence ("составили $31 млн. Строительство", "Co., Ltd. Также"); a
# lowercase word continues it ("5 млн. тенге")
_BREAK_BEFORE_CAPITAL = {"ltd", "inc", "corp", "llc", "jsc", "plc", "тыс", "млн", "млрд", "трлн", "долл", "руб",
                         "а.ş", "a.ş", "ş"}
_BOUNDARY = re.compile(r"[.!?…]+[\"»”)]*(?=\s)|\n\s*")
_LAST_TOKEN = re.compile(r"([^\s(«\"“]+)$")


# a line that does not end a sentence ("... to build the first plant in") and runs on in the next one
_LINE_END_OPEN = re.compile(r"[^\s.!?…:;»\"”)]\s*\n(?=[ \t]*[^\W\d_])")
_SOFT_WRAP_MIN_LINES = 3


def _soft_wraps(text: str) -> set[int]:
    """Newline offsets that only wrap a line: a text hard-wrapped at a fixed width (e-mail, wire copy) has many
    lines ending mid-sentence before a line that starts in lowercase; in such a text every mid-sentence newline
    before a letter is a wrap. Elsewhere a newline ends a sentence (headlines, list lines, RSS titles)."""
    candidates = [m.end() - 1 for m in _LINE_END_OPEN.finditer(text)]
    lowercase_next = sum(1 for i in candidates if text[i + 1 :].lstrip(" \t")[:1].islower())
    return set(candidates) if lowercase_next >= _SOFT_WRAP_MIN_LINES else set()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in `text`; newlines always end a sentence (paragraphs, RSS titles)."""
    sentences: list[Sentence] = []
    start = 0
    wraps = _soft_wraps(text) if "\n" in text else set()
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[0] == "\n" and m.start() in wraps and "\n" not in m.group(0)[1:]:
            continue
        if m.group(0)[0] not in "\n":
            head = text[start : m.start()]
            tok = _LAST_TOKEN.search(head)
            word = tok.group(1).lower().rstrip(".") if tok else ""
            nxt = text[end:].lstrip()[:1]
            # an abbreviation or an initial ("Н. Шакиров") keeps the sentence going; so does a lowercase start
            if word in _NO_BREAK_AFTER or (len(word) == 1 and word.isalpha()) or (nxt and nxt.islower()):
                continue
            if word in _BREAK_BEFORE_CAPITAL and not (nxt and nxt.isupper()):
                continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    s = start + chunk.index(stripped)
    out.append(Sentence(stripped, s, s + len(stripped)))


def detect_language(text: str) -> str:
    """The article's language by the readers' one detector (sources/language.py); "ru" when the text has no
    letters at all."""
    return detect_lang(text or "") or "ru"


_LAT_TO_CYR = str.maketrans("aceopxykABCEHKMOPTX", "асеорхукАВСЕНКМОРТХ")
_CYR_TO_LAT = str.maketrans("асеорхукАВСЕНКМОРТХ", "aceopxykABCEHKMOPTX")
_LOOKALIKES = set("aceopxykABCEHKMOPTXасеорхукАВСЕНКМОРТХ")
_MIXED = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[а-яёА-ЯЁ])[\w-]+")


def fix_homoglyphs(text: str) -> str:
    """Words typed in two alphabets ("SteelCastSуstems" with a Cyrillic у, "ТOO" with Latin O) in the alphabet
    their other letters use (else the text's); the text keeps its length, so every offset still points into it."""
    if not _MIXED.search(text):
        return text
    cyrillic_text = sum(1 for ch in text[:3000] if "а" <= ch.lower() <= "я") > \
        sum(1 for ch in text[:3000] if "a" <= ch.lower() <= "z")

    def repair(m: re.Match) -> str:
        word = m.group(0)
        latin = sum(1 for ch in word if "a" <= ch.lower() <= "z" and ch not in _LOOKALIKES)
        cyrillic = sum(1 for ch in word if ("а" <= ch.lower() <= "я" or ch in "ёЁ") and ch not in _LOOKALIKES)
        to_latin = latin > cyrillic or (latin == cyrillic and not cyrillic_text)
        return word.translate(_CYR_TO_LAT) if to_latin else word.translate(_LAT_TO_CYR)

    return _MIXED.sub(repair, text)
