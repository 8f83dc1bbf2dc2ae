"""Sentence splitting with offsets and per-article language detection (no models, only regexes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources.language import detect_lang

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Tokens after which a full stop does not end a sentence: legal forms, initials, units.
_NO_BREAK_AFTER = {
    "co", "ltd", "pvt", "inc", "corp", "llc", "jsc", "st", "mr", "mrs", "dr", "no", "vs", "etc", "jr", "sr",
    "г", "гг", "т", "тыс", "млн", "млрд", "трлн", "долл", "руб", "ул", "им", "обл", "р", "с", "п", "д", "кв",
    "а.ş", "a.ş", "s.a", "u.s", "e.g", "i.e", "ş", "о", "б",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"»”)]*(?=\s)|\n\s*")
_LAST_TOKEN = re.compile(r"([^\s(«\"“]+)$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in `text`; newlines always end a sentence (paragraphs, RSS titles)."""
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[0] not in "\n":
            head = text[start : m.start()]
            tok = _LAST_TOKEN.search(head)
            word = tok.group(1).lower().rstrip(".") if tok else ""
            nxt = text[end:].lstrip()[:1]
            # an abbreviation or an initial ("Н. Шакиров") keeps the sentence going; so does a lowercase start
            if word in _NO_BREAK_AFTER or (len(word) == 1 and word.isalpha()) or (nxt and nxt.islower()):
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
