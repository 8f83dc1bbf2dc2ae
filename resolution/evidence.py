"""What two deal mentions say about each other: same place, sector, amount, capacity, partner, stage order.

Every comparison answers "same", "differ" or "unknown" (a side did not say), so that missing evidence never
counts as agreement. The rules that turn this into "one deal" live in resolution.resolve.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from resolution.names import company_key, key_similarity
from sources.statuses import STATUS_RANK

STAGE_RANK = STATUS_RANK  # the lifecycle order, defined once (sources/statuses.py)

# Amounts restated by another outlet differ by rounding ("148,6" vs "about 150"), "около", or a conversion at
# another day's rate: within AMOUNT_CLOSE they are the same figure. A later stage may restate the budget.
AMOUNT_CLOSE = 0.15
AMOUNT_RESTATED = 0.30
AMOUNT_EXACT = 0.05
CAPACITY_CLOSE = 0.15
NAME_STRONG = 0.88
NAME_MEDIUM = 0.75
NAME_MISMATCH = 0.60
# A plant reported commissioned and then, this much later, at a memorandum is a new project, not a lagging outlet.
REGRESSION_DAYS = 90


@dataclass(frozen=True)
class Mention:
    """The fields of a deal mention that resolution compares (one row of raw.deal_mentions + its article)."""

    mention_id: str
    article_id: str
    published: date | None
    partner_name: str | None
    partner_country: str | None
    region_kato: str | None
    district_kato: str | None
    oked: str | None
    amount: float | None
    currency: str | None
    amount_usd: float | None
    status: str | None
    capacity_value: float | None
    capacity_unit: str | None

    # Derived values are computed once per mention (cached_property writes to the instance dict, which a frozen
    # dataclass allows): resolution asks for them many times.
    @cached_property
    def sector(self) -> str | None:
        """The OKED division (2 digits): different divisions are different products."""
        digits = "".join(ch for ch in (self.oked or "") if ch.isdigit())
        return digits[:2] if len(digits) >= 2 else None

    @cached_property
    def key(self) -> tuple[str, ...]:
        """The distinctive part of the partner name (names.company_key); empty when it names no one."""
        return company_key(self.partner_name)

    @property
    def is_named(self) -> bool:
        return bool(self.key)

    @cached_property
    def stage(self) -> int | None:
        return STAGE_RANK.get(self.status or "")

    @cached_property
    def order_key(self) -> tuple:
        """Earliest first: publication date, then mention id (ids are stable, so ties break the same way)."""
        return (self.published or date.max, self.mention_id)


def _blank(value: object) -> bool:
    """None, an empty string, or a table's missing value (NaN, pandas' NaT: the values not equal to themselves)."""
    return value is None or (isinstance(value, str) and value == "") or value != value  # noqa: PLR0124


def _as_date(value: object) -> date | None:
    if _blank(value):
        return None
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_float(value: object) -> float | None:
    return None if _blank(value) else float(value)


def _as_str(value: object) -> str | None:
    return None if _blank(value) else str(value)


def mention_from_row(row: Mapping[str, object]) -> Mention:
    """Build a Mention from a dict (a DataFrame record or a test literal); missing keys are unknown."""
    return Mention(
        mention_id=str(row["mention_id"]),
        article_id=str(row.get("article_id") or row["mention_id"]),
        published=_as_date(row.get("published_date", row.get("published"))),
        partner_name=_as_str(row.get("partner_name")),
        partner_country=_as_str(row.get("partner_country")),
        region_kato=_as_str(row.get("region_kato")),
        district_kato=_as_str(row.get("district_kato")),
        oked=_as_str(row.get("oked")),
        amount=_as_float(row.get("amount")),
        currency=_as_str(row.get("currency")),
        amount_usd=_as_float(row.get("amount_usd")),
        status=_as_str(row.get("status")),
        capacity_value=_as_float(row.get("capacity_value")),
        capacity_unit=_as_str(row.get("capacity_unit")),
    )


class Rates:
    """Local currency per US dollar by (currency, year); the nearest year stands in for a missing one.

    Only for comparing two amounts: both are converted at the same year's rate, so that a tenge figure and
    its dollar restatement meet even when the tenge moved between the two articles.
    """

    def __init__(self, lcu_per_usd: Mapping[tuple[str, int], float] | None = None) -> None:
        self._by_currency: dict[str, dict[int, float]] = {}
        for (currency, year), rate in (lcu_per_usd or {}).items():
            if rate:
                self._by_currency.setdefault(currency.upper(), {})[int(year)] = float(rate)

    def to_usd(self, amount: float, currency: str, year: int) -> float | None:
        if currency.upper() == "USD":
            return amount
        rate = self.rate(currency, year)
        return None if rate is None else amount / rate

    def rate(self, currency: str, year: int) -> float | None:
        """Local currency per USD in `year` (the nearest year with a rate, the later one on a tie); None if unknown.
        USD itself is not in the table: to_usd returns a dollar amount as it is."""
        years = self._by_currency.get(currency.upper())
        if not years:
            return None
        nearest = min(years, key=lambda y: (abs(y - year), -y))
        return years[nearest]

    def convertible(self, currency: str | None) -> bool:
        return bool(currency) and (currency.upper() == "USD" or currency.upper() in self._by_currency)

    def rate_range(self, currency: str) -> tuple[float, float]:
        """The lowest and highest rate of a convertible currency over all years (1, 1 for USD)."""
        if currency.upper() == "USD":
            return 1.0, 1.0
        rates = self._by_currency[currency.upper()].values()
        return min(rates), max(rates)


def amount_difference(a: Mention, b: Mention, rates: Rates) -> float | None:
    """Relative difference |x - y| / max(x, y) of the two amounts in one currency; None if either is unknown."""
    if a.amount is None or b.amount is None or a.amount <= 0 or b.amount <= 0:
        x, y = a.amount_usd, b.amount_usd
    elif a.currency and b.currency and a.currency.upper() == b.currency.upper():
        x, y = a.amount, b.amount
    else:
        dates = [d for d in (a.published, b.published) if d]
        year = max(dates).year if dates else date.today().year
        x = rates.to_usd(a.amount, a.currency or "", year) if a.currency else None
        y = rates.to_usd(b.amount, b.currency or "", year) if b.currency else None
        if x is None or y is None:
            x, y = a.amount_usd, b.amount_usd
    if x is None or y is None or x <= 0 or y <= 0:
        return None
    return abs(x - y) / max(x, y)


def capacity_difference(a: Mention, b: Mention) -> float | None:
    """Relative difference of the capacities when both are stated in the same unit, else None."""
    if a.capacity_value is None or b.capacity_value is None:
        return None
    if not a.capacity_unit or a.capacity_unit != b.capacity_unit:
        return None
    if a.capacity_value <= 0 or b.capacity_value <= 0:
        return None
    return abs(a.capacity_value - b.capacity_value) / max(a.capacity_value, b.capacity_value)


def same(x: object, y: object) -> bool | None:
    """True/False when both sides state a value, None when either does not."""
    if x is None or y is None:
        return None
    return x == y


@dataclass(frozen=True)
class Comparison:
    """Everything two mentions say about each other, computed once per pair."""

    same_article: bool
    region: bool | None
    district: bool | None
    sector: bool | None
    country: bool | None
    name: float | None  # None: at least one side names no distinctive partner
    amount: float | None  # relative difference
    capacity: float | None  # relative difference
    stages_differ: bool
    regression: bool  # commissioned first, a memorandum long after: a new project

    def score(self) -> float:
        """0..1: the mean of the evidence present (name similarity, amount and capacity closeness, place, sector)."""
        parts: list[float] = []
        if self.name is not None:
            parts.append(self.name)
        if self.amount is not None:
            parts.append(max(0.0, 1.0 - self.amount))
        if self.capacity is not None:
            parts.append(max(0.0, 1.0 - self.capacity))
        for flag in (self.district, self.sector):
            if flag is not None:
                parts.append(1.0 if flag else 0.0)
        return round(sum(parts) / len(parts), 4) if parts else 0.0


def compare(a: Mention, b: Mention, rates: Rates) -> Comparison:
    first, later = sorted((a, b), key=lambda m: m.order_key)
    regression = bool(
        first.stage == STAGE_RANK["commissioned"]
        and later.stage == STAGE_RANK["memorandum"]
        and first.published
        and later.published
        and (later.published - first.published).days > REGRESSION_DAYS
    )
    return Comparison(
        same_article=a.article_id == b.article_id,
        region=same(a.region_kato, b.region_kato),
        district=same(a.district_kato, b.district_kato),
        sector=same(a.sector, b.sector),
        country=same(a.partner_country, b.partner_country),
        name=key_similarity(a.key, b.key) if a.key and b.key else None,
        amount=amount_difference(a, b, rates),
        capacity=capacity_difference(a, b),
        stages_differ=a.stage is not None and b.stage is not None and a.stage != b.stage,
        regression=regression,
    )
