"""Analyst corrections as data: the versioned seed dbt_project/seeds/corrections.csv, read and validated.

Resolution applies the ones that change which mentions form a deal ("merge", "split") and the mention-level
field overrides it compares on; dbt applies field overrides and "not_a_deal" to the marts from the same file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

COLUMNS = ("correction_id", "target", "target_id", "field", "new_value", "reason", "author", "corrected_on")
ACTIONS = frozenset({"merge", "split", "not_a_deal"})
OVERRIDABLE_FIELDS = frozenset({"status", "amount", "partner_name", "district_kato", "oked", "partner_country"})
# resolution compares these, so a corrected mention is resolved on its corrected value
RESOLUTION_FIELDS = frozenset({"partner_name", "district_kato", "oked", "partner_country", "status"})


class CorrectionError(ValueError):
    """A correction row that cannot be applied as written: the message names the row and the reason."""


@dataclass(frozen=True)
class Correction:
    correction_id: str
    target: str  # 'mention' | 'deal'
    target_id: str
    field: str  # an action (merge, split, not_a_deal) or an overridden field
    new_value: str | None
    reason: str
    author: str
    corrected_on: date


def _validate(row: dict[str, str], where: str) -> Correction:
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        raise CorrectionError(f"{where}: missing columns {missing}")
    values = {c: (row[c] or "").strip() for c in COLUMNS}
    if not values["correction_id"] or not values["target_id"] or not values["reason"] or not values["author"]:
        raise CorrectionError(f"{where}: correction_id, target_id, reason and author are required")
    if values["target"] not in ("mention", "deal"):
        raise CorrectionError(f"{where}: target must be 'mention' or 'deal', not {values['target']!r}")
    action = values["field"]
    if action not in ACTIONS | OVERRIDABLE_FIELDS:
        raise CorrectionError(f"{where}: unknown field or action {action!r}")
    if action == "merge" and (values["target"] != "deal" or not values["new_value"]):
        raise CorrectionError(f"{where}: merge takes target 'deal' and the other deal_id as new_value")
    if action == "split" and values["target"] != "mention":
        raise CorrectionError(f"{where}: split takes target 'mention' (the mention that gets its own deal)")
    if action in OVERRIDABLE_FIELDS and not values["new_value"]:
        raise CorrectionError(f"{where}: an override of {action} needs a new_value")
    if action == "amount" and values["target"] != "deal":
        raise CorrectionError(f"{where}: amount is overridden per deal ('<number> <ISO currency>')")
    try:
        corrected_on = date.fromisoformat(values["corrected_on"])
    except ValueError as exc:
        raise CorrectionError(f"{where}: corrected_on {values['corrected_on']!r} is not YYYY-MM-DD") from exc
    return Correction(
        correction_id=values["correction_id"],
        target=values["target"],
        target_id=values["target_id"],
        field=action,
        new_value=values["new_value"] or None,
        reason=values["reason"],
        author=values["author"],
        corrected_on=corrected_on,
    )


def parse_corrections(rows: Iterable[dict[str, str]], source: str = "corrections") -> list[Correction]:
    """Validate correction rows (dicts with the seed's columns); ids must be unique."""
    corrections = [_validate(row, f"{source} row {i}") for i, row in enumerate(rows, start=2)]
    seen: set[str] = set()
    for c in corrections:
        if c.correction_id in seen:
            raise CorrectionError(f"{source}: correction_id {c.correction_id!r} appears twice")
        seen.add(c.correction_id)
    return corrections


def load_corrections(path: Path) -> list[Correction]:
    """Read the corrections seed; a missing file means no corrections."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return parse_corrections(csv.DictReader(f), source=str(path))


@dataclass
class ResolutionCorrections:
    """The part of the corrections that resolution itself applies."""

    merges: list[Correction] = field(default_factory=list)  # deal target_id is merged into deal new_value
    splits: dict[str, Correction] = field(default_factory=dict)  # mention_id -> correction
    mention_overrides: dict[str, dict[str, str]] = field(default_factory=dict)  # mention_id -> field -> value

    def corrected(self, row: Mapping[str, object]) -> Mapping[str, object]:
        """A mention row with the analysts' overrides of its compared fields applied."""
        overrides = self.mention_overrides.get(str(row["mention_id"]))
        return {**row, **overrides} if overrides else row

    @classmethod
    def from_corrections(cls, corrections: Iterable[Correction]) -> ResolutionCorrections:
        result = cls()
        for c in sorted(corrections, key=lambda c: (c.corrected_on, c.correction_id)):
            if c.field == "merge":
                result.merges.append(c)
            elif c.field == "split":
                result.splits[c.target_id] = c
            elif c.target == "mention" and c.field in RESOLUTION_FIELDS and c.new_value:
                result.mention_overrides.setdefault(c.target_id, {})[c.field] = c.new_value
        return result
