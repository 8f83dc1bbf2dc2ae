"""Plain records that extraction produces from one article's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sources.statuses import STATUSES  # noqa: F401 - the lifecycle, defined once


@dataclass
class DealMention:
    """A deal stated in an article: every figure traceable to its sentence (`evidence` and offsets)."""

    partner_name: str | None = None
    partner_country: str | None = None  # ISO 3166-1 alpha-2; "KZ" for a domestic investor
    region_kato: str | None = None  # 9-digit KATO code of the oblast / city of republican significance
    district_kato: str | None = None  # 9-digit KATO code of the district or city of regional significance
    oked: str | None = None  # finest OKED code known, dotted ("35.11.4")
    amount: float | None = None  # in currency units (not millions)
    currency: str | None = None  # ISO 4217
    amount_approximate: bool = False  # "около", "свыше", ranges, "about"
    amount_text: str | None = None  # the amount as written
    status: str | None = None  # one of STATUSES
    capacity_value: float | None = None
    capacity_unit: str | None = None  # MW, t/day, t/year, head, ha, units/year ...
    jobs: int | None = None  # new permanent jobs
    start_year: int | None = None
    completion_year: int | None = None
    evidence: str = ""  # the sentence that states the deal
    evidence_start: int = 0  # offsets of `evidence` in the article text: text[start:end] == evidence
    evidence_end: int = 0
    confidence: float = 1.0  # 0..1
    confidence_reasons: list[str] = field(default_factory=list)  # why confidence was lowered
    field_evidence: dict[str, Any] = field(default_factory=dict)  # field -> [start, end] of the span it came from

    record: str = "deal_mention"


@dataclass
class AnnouncedTotal:
    """An umbrella total of deals listed separately, a regional target or a statistic: never a deal."""

    kind: str  # total | target | statistic
    amount: float | None
    currency: str | None
    amount_approximate: bool
    amount_text: str
    region_kato: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    # a total found as the sum of deals listed separately: where those deals' amounts start in the text
    part_amount_starts: list[int] = field(default_factory=list)

    record: str = "announced_total"
