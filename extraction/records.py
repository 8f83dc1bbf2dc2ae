"""The JSON-lines contract printed by `invest-tracker extract --format jsonl`."""

from __future__ import annotations

from typing import Any

from extraction.models import AnnouncedTotal, DealMention


def mention_to_record(m: DealMention | AnnouncedTotal, *, file: str | None = None,
                      article_id: str | None = None) -> dict[str, Any]:
    """A deal mention or announced total as one contract record (unknown values are null)."""
    if isinstance(m, AnnouncedTotal):
        return {
            "record": "announced_total", "file": file, "article_id": article_id, "kind": m.kind,
            "amount": m.amount, "currency": m.currency, "amount_approximate": m.amount_approximate,
            "amount_text": m.amount_text, "region_kato": m.region_kato, "evidence": m.evidence,
            "evidence_start": m.evidence_start, "evidence_end": m.evidence_end,
            "part_amount_starts": list(m.part_amount_starts),
        }
    return {
        "record": "deal_mention", "file": file, "article_id": article_id,
        "partner_name": m.partner_name, "partner_country": m.partner_country,
        "region_kato": m.region_kato, "district_kato": m.district_kato, "oked": m.oked,
        "amount": m.amount, "currency": m.currency, "amount_approximate": m.amount_approximate,
        "amount_text": m.amount_text, "status": m.status,
        "capacity_value": m.capacity_value, "capacity_unit": m.capacity_unit, "jobs": m.jobs,
        "start_year": m.start_year, "completion_year": m.completion_year,
        "evidence": m.evidence, "evidence_start": m.evidence_start, "evidence_end": m.evidence_end,
        "field_evidence": m.field_evidence, "confidence": m.confidence,
        "confidence_reasons": list(m.confidence_reasons),
    }
