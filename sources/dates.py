"""Publication dates as real inputs write them: full or partial dates in metadata, and datelines in the text.

A date keeps its precision: `2025-04-15` is a day, `2025-04` a month, `2025` a year. A partial date is stored as
the first day of its period with the precision beside it (`PublishedDate`), so an analyst can tell "April 2025"
from "1 April 2025" and nothing pretends to know the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class PublishedDate:
    value: date  # the first day of the period for a month or a year
    precision: str  # day | month | year


class DateFormatError(ValueError):
    """Not a date in any form we read, or an impossible one; the message says which."""


_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\S*)")
_SLASH_RE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_DOTTED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")


def parse_date_value(value: str) -> PublishedDate:
    """A metadata date: YYYY-MM-DD (with an optional time), YYYY/MM/DD, DD.MM.YYYY, YYYY-MM or YYYY.

    Raises DateFormatError for anything else and for impossible dates (2025-13-45, 2025-02-30)."""
    text = value.strip()
    for pattern, order, precision in (
        (_ISO_RE, (1, 2, 3), "day"),
        (_SLASH_RE, (1, 2, 3), "day"),
        (_DOTTED_RE, (3, 2, 1), "day"),
        (_MONTH_RE, (1, 2, None), "month"),
        (_YEAR_RE, (1, None, None), "year"),
    ):
        match = pattern.match(text)
        if not match:
            continue
        year, month, day = (int(match[i]) if i else 1 for i in order)
        try:
            return PublishedDate(date(year, month, day), precision)
        except ValueError as exc:
            raise DateFormatError(f"{text!r} is an impossible date ({exc})") from exc
    raise DateFormatError(f"{text!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")


# Month names as they stand after a day number ("15 апреля", "15 сәуір", "15 April") or before it ("April 15").
_MONTHS = {
    **{name: i for i, name in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
         "декабря"], start=1)},
    **{name: i for i, name in enumerate(
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
         "желтоқсан"], start=1)},
    **{name: i for i, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], start=1)},
    **{name: i for i, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)},
}
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_TIME = r"(?:[,\s]+(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"
# Each pattern names year, month (number or name) and day.
_DATELINE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})" + _TIME),
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})" + _TIME),
    re.compile(rf"(?i)(?P<day>\d{{1,2}})\s+(?P<mname>{_MONTH_ALT})\.?,?\s+(?P<year>\d{{4}})(?:\s*(?:г\.|года|ж\.))?"
               + _TIME),
    re.compile(rf"(?i)(?P<mname>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})" + _TIME),
    re.compile(rf"(?i)(?P<year>\d{{4}})\s+(?:жылғы|ж\.)\s+(?P<day>\d{{1,2}})\s+(?P<mname>{_MONTH_ALT})" + _TIME),
)
# What may stand beside the date on a dateline: a weekday, a city, a time, separators; no sentence.
_DATELINE_MAX_CHARS = 60
_DATELINE_MAX_OTHER_WORDS = 3
_LEAD_SEPARATOR_RE = re.compile(r"^\s*[—–\-|/•·]\s*")


def find_dateline(text: str, *, lines: int = 3) -> PublishedDate | None:
    """The date of a dateline among the first non-empty lines of an article, if there is one.

    A dateline is a short line holding a date ("15 апреля 2025, 10:30", "Астана, 2025 жылғы 3 наурыз",
    "April 3, 2025") or a date opening the text and set off by a dash or a bar ("03.04.2025 — ..."). A date
    inside an ordinary sentence is an event's date, not the publication's, and is not taken.
    """
    seen = 0
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        seen += 1
        if seen > lines:
            break
        for pattern in _DATELINE_PATTERNS:
            match = pattern.search(line)
            if match is None:
                continue
            others = re.findall(r"\w+", line[: match.start()] + " " + line[match.end():])
            short_line = len(line) <= _DATELINE_MAX_CHARS and len(others) <= _DATELINE_MAX_OTHER_WORDS
            opens_with_separator = match.start() == 0 and _LEAD_SEPARATOR_RE.match(line[match.end():])
            if not (short_line or opens_with_separator):
                continue
            found = _date_of(match)
            if found is not None:
                return PublishedDate(found, "day")
    return None


def _date_of(match: re.Match) -> date | None:
    groups = match.groupdict()
    month = _MONTHS.get(groups["mname"].lower()) if groups.get("mname") else int(groups["month"])
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except (TypeError, ValueError):
        return None


def is_dateline(line: str) -> bool:
    """Whether a line is a dateline (so it is not the article's title)."""
    return find_dateline(line, lines=1) is not None
