"""Money grammar: "218,8 млн долларов США", "$1.2 billion", "KZT 23 billion", "шамамен 149 млн АҚШ доллары".

natasha's MoneyExtractor knows no тенге, юань or трлн and cannot read "$171 млн" (STACK.md), so this is our own
regex grammar: [qualifier] [currency] number [- number] [multiplier] [currency] [qualifier].
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

_SP = r"[ \u00a0\u202f\u2009]"
# between a figure and its multiplier or currency a hard-wrapped line may break ("12 billion\ntenge")
_WRAP = rf"{_SP}*\n?{_SP}*"
_NUM = rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:[.,]\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?"

MULTIPLIERS: list[tuple[str, float]] = [
    (r"трлн\.?|триллион\w*|trillion|trln|trn|tn", 1e12),
    (r"млрд\.?|миллиард\w*|billion|bln|bn|b(?=\b)", 1e9),
    (r"млн\.?|миллион\w*|million|mln|mn|m(?=\b)", 1e6),
    (r"тыс\.?|тысяч\w*|мың|thousand|k(?=\b)", 1e3),
]
_MULT = "|".join(f"(?:{p})" for p, _ in MULTIPLIERS)

# currency words written after the number (longest first inside each alternative)
_CUR_AFTER: list[tuple[str, str]] = [
    (r"долл(?:ар\w*)?\.?\s+США|доллар\w*\s+США|АҚШ\s+доллар\w*|US\s+dollars?|U\.S\.\s+dollars?", "USD"),
    (r"доллар\w*|долл\.|dollars?|\$|USD|US\$", "USD"),
    (r"тенге\w*|теңге\w*|тг\.?|tenge|KZT|₸", "KZT"),
    (r"юан\w*|yuan|renminbi|CNY|RMB", "CNY"),
    (r"евро|euros?|EUR|€", "EUR"),
    (r"рубл\w*|roubles?|rubles?|RUB|₽", "RUB"),
    (r"фунт\w*\s+стерлинг\w*|pounds?\s+sterling|GBP|£", "GBP"),
    (r"иен\w*|йен\w*|yen|JPY", "JPY"),
    (r"вон\w*|won|KRW", "KRW"),
    (r"дирхам\w*|dirhams?|AED", "AED"),
    (r"лир\w*|lira|TRY", "TRY"),
    (r"сум\w*|sums?|UZS", "UZS"),
]
_CUR_BEFORE: list[tuple[str, str]] = [
    (r"US\$|\$", "USD"),
    (r"tenge(?=\s?\d)", "KZT"),
    (r"€", "EUR"),
    (r"₸", "KZT"),
    (r"£", "GBP"),
    (r"₽", "RUB"),
    (r"¥", "CNY"),
]


@lru_cache(maxsize=1)
def iso_currency_codes() -> frozenset[str]:
    """Every ISO 4217 alphabetic code (pycountry), so "AED 50 million" or "50 млн KGS" are read too."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


_ISO = r"[A-Z]{3}"
_QUAL_BEFORE = (
    r"около|свыше|более(?:\s+чем)?|порядка|примерно|почти|не\s+менее|не\s+более|до|от|приблизительно|ориентировочно"
    r"|about|over|more\s+than|around|approximately|nearly|almost|up\s+to|some|at\s+least|roughly|from|шамамен"
)
_QUAL_AFTER = r"астам|артық|жуық|шамасында|plus"

_after = "|".join(f"(?P<ca{i}>{p})" for i, (p, _) in enumerate(_CUR_AFTER))
_before = "|".join(f"(?P<cb{i}>{p})" for i, (p, _) in enumerate(_CUR_BEFORE))

AMOUNT_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL_BEFORE}){_SP}+)?"
    rf"(?:(?:{_before})|(?P<isob>{_ISO}){_SP}?)?{_SP}?"
    rf"(?<![\d^.,])(?P<num>{_NUM})"
    rf"(?:{_SP}*(?:[-–—]|до|to|-ден|және){_SP}*(?:\$|€)?(?P<num2>{_NUM}))?"
    rf"{_WRAP}(?P<mult>{_MULT})?(?![а-яёa-z])"
    rf"(?:{_SP}+(?P<num_b>\d{{1,3}}(?:[.,]\d+)?){_SP}*(?P<mult_b>{_MULT})(?![а-яёa-z]))?"
    rf"(?:{_WRAP}(?:(?:{_after})|(?P<isoa>{_ISO}))(?![а-яёa-zA-Z]))?"
    rf"(?:[-‑]?\w{{0,4}}{_SP}+(?P<qual2>{_QUAL_AFTER}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Money:
    value: float  # in currency units
    currency: str
    approximate: bool
    start: int
    end: int
    text: str


def _to_float(raw: str, lang: str | None) -> float | None:
    s = re.sub(_SP, "", raw)
    if "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        # "120,000" in English is a thousands separator; "1,2" and "14,200" in Russian are decimals
        if lang == "en" and len(tail) == 3 and s.count(",") >= 1:
            s = s.replace(",", "")
        elif s.count(",") > 1:
            s = s.replace(",", "")
        else:
            s = head + "." + tail
    elif s.count(".") > 1:
        s = s.replace(".", "")
    if len(s) > 30:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _multiplier(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower()
    for pattern, factor in MULTIPLIERS:
        if re.fullmatch(pattern, w, re.IGNORECASE):
            return factor
    return 1.0


def _group_currency(m: re.Match, prefix: str, table: list[tuple[str, str]]) -> str | None:
    for i, (_, code) in enumerate(table):
        if m.group(f"{prefix}{i}"):
            return code
    return None


# an excerpt cut inside the currency word: "оценивается в 8,18 млрд те" (the figure itself is whole)
_CUT_CURRENCY = [(re.compile(r"^[ \u00a0]*(?:тең?г?|тенг?|teń?g?|tenge?)[ \u00a0]*$", re.I), "KZT"),
                 (re.compile(r"^[ \u00a0]*(?:долл?а?|doll?a?)[ \u00a0]*$", re.I), "USD")]
_DIGIT = re.compile(r"\d")
# a quote next to its change is a ticker in the page chrome ("$ 99.48 -0.10"), not a figure of the article
_TICKER_AFTER = re.compile(r"^[ \u00a0]*[+\-−–][ \u00a0]?\d")


def find_amounts(text: str, lang: str | None = None, *, at_text_end: bool = False) -> list[Money]:
    """Every money amount in `text` with its currency; numbers without a currency are not money.

    Number words count ("пять миллиардов тенге", "бес миллиард теңге"); `at_text_end` says the text is the last
    sentence of a cut excerpt, where a currency word cut short after a whole figure still names its currency.
    """
    out: list[Money] = []
    if not text:
        return out
    from extraction.numbers import digits_for_words

    source = text
    text = digits_for_words(text, lang)
    if not _DIGIT.search(text):
        return out  # every amount has a figure (number words were turned into digits above)
    for m in AMOUNT_RE.finditer(text):
        cur_before = _group_currency(m, "cb", _CUR_BEFORE)
        cur_after = _group_currency(m, "ca", _CUR_AFTER)
        iso_b, iso_a = m.group("isob"), m.group("isoa")
        codes = iso_currency_codes()
        if iso_b and iso_b.upper() not in codes:
            iso_b = None
        if iso_a and iso_a.upper() not in codes:
            iso_a = None
        currency = cur_before or cur_after or (iso_b.upper() if iso_b else None) or (iso_a.upper() if iso_a else None)
        if not currency and at_text_end and m.group("mult"):
            currency = next((code for pat, code in _CUT_CURRENCY if pat.match(text[m.end():])), None)
        if not currency:
            continue
        mult_word = m.group("mult")
        if not mult_word and (_TICKER_AFTER.match(text[m.end("num"):]) or _TICKER_AFTER.match(text[m.end():])):
            continue
        # one-letter multipliers ("$5m", "$2b") only right after a currency sign, never "5 m" of a distance
        if mult_word and len(mult_word) == 1 and not (cur_before or iso_b):
            continue
        number = _to_float(m.group("num"), lang)
        if number is None:
            continue
        value = number * _multiplier(mult_word)
        if m.group("num_b") and _multiplier(m.group("mult_b")) < _multiplier(mult_word):
            part = _to_float(m.group("num_b"), lang)
            if part is not None:
                value += part * _multiplier(m.group("mult_b"))
        if not math.isfinite(value) or value <= 0 or value > 1e16:
            continue
        value = round(value, 2)  # 8,2 * 1e9 is 8200000000, not 8199999999.999999
        qual = m.group("qual")
        approximate = bool(qual or m.group("num2") or m.group("qual2"))
        if qual and qual.lower() in ("до", "up to", "не более"):
            approximate = True
        # the span starts at the qualifier only if one was read; trailing spaces are never part of it
        start, end = m.start(), m.end()
        if m.group("isoa") and not iso_a:
            end = m.start("isoa")
        if m.group("isob") and not iso_b and not m.group("qual"):
            start = m.start("num")  # "worth 700 billion": "rth" was tried as a currency code, it is not one
        span = text[start:end]
        stripped = span.rstrip()
        end = start + len(stripped)
        lead = len(span) - len(span.lstrip())
        start += lead
        out.append(Money(value, currency, approximate, start, end, source[start:end]))
    return out
