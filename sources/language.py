"""The one language detector: ru | kk | en from the letters a text uses (readers and extraction both call it)."""

from __future__ import annotations

import re

_KAZAKH_LETTERS_RE = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC_RE = re.compile(r"[а-яёА-ЯЁ]")
_LATIN_RE = re.compile(r"[a-zA-Z]")


def detect_lang(text: str) -> str | None:
    """ru | kk | en from the letters used (Kazakh-specific Cyrillic letters mean kk); None if no letters.

    Kazakh when at least 3 Kazakh-only letters make at least 1 % of the Cyrillic ones; English when Latin letters
    outnumber Cyrillic ones; else Russian. The first 4,000 characters decide."""
    sample = text[:4000]
    kazakh = len(_KAZAKH_LETTERS_RE.findall(sample))
    cyrillic = len(_CYRILLIC_RE.findall(sample))
    latin = len(_LATIN_RE.findall(sample))
    if cyrillic + kazakh == 0 and latin == 0:
        return None
    if cyrillic + kazakh >= latin:
        return "kk" if kazakh >= max(3, 0.01 * (cyrillic + kazakh)) else "ru"
    return "en"
