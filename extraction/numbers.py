"""Numbers written in words ("пять миллиардов", "пятидесяти жителям", "бес миллиард", "four billion").

`digits_for_words` returns a copy of the text of the same length in which each run of number words is replaced by
its digits padded with spaces, so the amount and job grammars (which read digits) work on it and every offset
still points into the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

# stem -> value; Russian stems cover the case forms ("пять", "пяти", "пятью"; "двадцать", "двадцати")
_RU_UNITS = {
    "одн": 1, "один": 1, "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2, "три": 3, "трех": 3, "трёх": 3,
    "трем": 3, "трём": 3, "тремя": 3, "четыр": 4, "четырех": 4, "четырёх": 4, "пят": 5, "шест": 6, "сем": 7,
    "восем": 8, "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
    "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18,
    "девятнадцат": 19,
}
_RU_TENS = {"двадцат": 20, "тридцат": 30, "сорок": 40, "пятьдесят": 50, "пятидесят": 50, "шестьдесят": 60,
            "шестидесят": 60, "семьдесят": 70, "семидесят": 70, "восемьдесят": 80, "восьмидесят": 80,
            "девяност": 90}
_RU_HUNDREDS = {"сто": 100, "ста": 100, "двест": 200, "двухсот": 200, "трист": 300, "трехсот": 300, "трёхсот": 300,
                "четырест": 400, "четырехсот": 400, "пятьсот": 500, "пятисот": 500, "шестьсот": 600,
                "шестисот": 600, "семьсот": 700, "семисот": 700, "восемьсот": 800, "восьмисот": 800,
                "девятьсот": 900, "девятисот": 900}
_RU_WORD = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<h>сто|ста|двести|двухсот\w*|триста|тр[её]хсот\w*|четыреста|четыр[её]хсот\w*|пятьсот|пятисот\w*|шестьсот|"
    r"шестисот\w*|семьсот|семисот\w*|восемьсот|восьмисот\w*|девятьсот|девятисот\w*)|"
    r"(?P<t>двадцат\w*|тридцат\w*|сорок\w*|пятьдесят|пятидесят\w*|шестьдесят|шестидесят\w*|семьдесят|"
    r"семидесят\w*|восемьдесят|восьмидесят\w*|девяност\w*)|"
    r"(?P<u>один|одна|одно|одного|одной|одному|два|две|двух|двум|двумя|три|тр[её]х|тр[её]м|тремя|четыре|"
    r"четыр[её]х|четыр[её]м|четырьмя|пять|пяти|пятью|шесть|шести|шестью|семь|семи|семью|восемь|восьми|"
    r"восемью|девять|девяти|девятью|десять|десяти|десятью|одиннадцат\w*|двенадцат\w*|тринадцат\w*|"
    r"четырнадцат\w*|пятнадцат\w*|шестнадцат\w*|семнадцат\w*|восемнадцат\w*|девятнадцат\w*)|"
    r"(?P<half>полтора|полторы|полутора))(?![\w-])",
    re.IGNORECASE,
)
_KK = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
       "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80, "тоқсан": 90,
       "жүз": 100}
_KK_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(_KK, key=len, reverse=True)) + r")(?![\w-])",
                      re.IGNORECASE)
_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
       "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
       "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
       "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_EN_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(_EN, key=len, reverse=True)) + r")(?![\w])",
                      re.IGNORECASE)


def _ru_value(m: re.Match) -> float:
    w = m.group(0).lower().replace("ё", "е")
    if m.group("half"):
        return 1.5
    table = _RU_HUNDREDS if m.group("h") else _RU_TENS if m.group("t") else _RU_UNITS
    for stem in sorted(table, key=len, reverse=True):
        if w.startswith(stem.replace("ё", "е")):
            return table[stem]
    return 0


def _runs(text: str, lang: str | None) -> list[tuple[int, int, float]]:
    """(start, end, value) of each run of number words ("двадцать пять", "жиырма бес", "twenty-five")."""
    hits: list[tuple[int, int, float]] = []
    if lang in (None, "ru", "kk"):
        hits += [(m.start(), m.end(), _ru_value(m)) for m in _RU_WORD.finditer(text)]
    if lang == "kk":
        hits += [(m.start(), m.end(), _KK[m.group(1).lower()]) for m in _KK_WORD.finditer(text)]
    if lang in (None, "en"):
        hits += [(m.start(), m.end(), _EN[m.group(1).lower()]) for m in _EN_WORD.finditer(text)]
    hits.sort()
    runs: list[tuple[int, int, float]] = []
    for s, e, v in hits:
        if v <= 0:
            continue
        if runs and re.fullmatch(r"[ \u00a0-]|\s+(?:and\s+)?", text[runs[-1][1] : s]):
            rs, re_, rv = runs[-1]
            # "двадцать пять" adds, "пять сот"/"five hundred" multiplies, "сто двадцать" adds
            if v == 100 and rv < 10:
                runs[-1] = (rs, e, rv * 100)
                continue
            if rv >= 20 and v < 10 or rv >= 100 and v < 100:
                runs[-1] = (rs, e, rv + v)
                continue
        runs.append((s, e, v))
    return runs


@lru_cache(maxsize=4096)
def digits_for_words(text: str, lang: str | None = None) -> str:
    """The text with number words replaced by digits, padded with spaces to the same length."""
    if not text:
        return text
    runs = _runs(text, lang)
    if not runs:
        return text
    out = []
    pos = 0
    for s, e, v in runs:
        digits = (f"{v:g}").replace(".", ",") if lang != "en" else f"{v:g}"
        if len(digits) > e - s:
            continue
        out.append(text[pos:s])
        out.append(digits + " " * (e - s - len(digits)))
        pos = e
    out.append(text[pos:])
    return "".join(out)
