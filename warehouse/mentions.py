"""What extraction made of the articles: raw.deal_mentions, announced_totals, rejected_values, processing_errors,
and which article versions each extractor version has processed (state.extracted_articles).

`article_rows` maps one article's extraction records to rows; ids derive from the article, its content digest
and the evidence offsets only, so a re-run makes the same ids. Every mention passes the plausibility screen (a
function given by the caller): an implausible field is nulled and kept in raw.rejected_values. A mention whose
screening raises is quarantined alone as a processing error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from extraction.guard import ProcessingError
from extraction.models import AnnouncedTotal, DealMention
from warehouse.db import insert_frame, transaction

# (mention row, kato codes, oked codes) -> (screened row, issues with .field .value .reason .message)
Screen = Callable[[dict, object, object], tuple[dict, list]]


@dataclass
class ExtractionRows:
    mentions: list[dict] = field(default_factory=list)
    totals: list[dict] = field(default_factory=list)
    rejected_values: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    processed: list[dict] = field(default_factory=list)

    def extend(self, other: ExtractionRows) -> None:
        for name in ("mentions", "totals", "rejected_values", "errors", "processed"):
            getattr(self, name).extend(getattr(other, name))


def stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def processing_error_row(error: ProcessingError, *, record_id: str, article: dict,
                         mention_id: str | None = None) -> dict:
    """A raw.processing_errors row: the record, the stage, the exception and the code version."""
    return {
        "stage": error.stage, "record_id": record_id, "article_id": article["article_id"],
        "content_sha256": article["content_sha256"], "source_file": article["source_file"],
        "mention_id": mention_id, "error_type": error.error_type,
        "message": error.describe(mention_id or article["source_file"]), "code_version": error.code_version,
        "seen_at": datetime.now(),
    }


def _mention_row(rec: DealMention, mention_id: str, common: dict) -> dict:
    return {
        "mention_id": mention_id, **common,
        "partner_name": rec.partner_name, "partner_country": rec.partner_country, "region_kato": rec.region_kato,
        "district_kato": rec.district_kato, "oked": rec.oked, "amount": rec.amount, "currency": rec.currency,
        "amount_approximate": rec.amount_approximate, "amount_text": rec.amount_text, "status": rec.status,
        "capacity_value": rec.capacity_value, "capacity_unit": rec.capacity_unit, "jobs": rec.jobs,
        "start_year": rec.start_year, "completion_year": rec.completion_year, "confidence": rec.confidence,
        "confidence_reasons": list(rec.confidence_reasons),
        "field_evidence": json.dumps(rec.field_evidence, ensure_ascii=False),
    }


def _total_row(rec: AnnouncedTotal, total_id: str, common: dict) -> dict:
    return {
        "total_id": total_id, **common, "kind": rec.kind, "amount": rec.amount, "currency": rec.currency,
        "amount_approximate": rec.amount_approximate, "amount_text": rec.amount_text,
        "region_kato": rec.region_kato, "part_amount_starts": list(rec.part_amount_starts),
    }


def article_rows(article: dict, outcome: list | ProcessingError, *, extractor_version: str, screen: Screen,
                 kato_codes, oked_codes) -> ExtractionRows:
    """The rows one article's extraction outcome gives (its records, or the processing error it raised)."""
    rows = ExtractionRows()
    if not isinstance(outcome, ProcessingError):
        try:
            rows = _record_rows(article, outcome, extractor_version, screen, kato_codes, oked_codes)
        except Exception as exc:  # noqa: BLE001 - this article only; the others go on
            outcome = ProcessingError.from_exception("screen", exc, extractor_version)
    if isinstance(outcome, ProcessingError):
        record_id = f"{article['article_id']}:{article['content_sha256']}"
        rows = ExtractionRows(errors=[processing_error_row(outcome, record_id=record_id, article=article)])
    rows.processed.append({
        "article_id": article["article_id"], "content_sha256": article["content_sha256"],
        "extractor_version": extractor_version, "mention_count": len(rows.mentions),
        "total_count": len(rows.totals), "extracted_at": datetime.now(),
    })
    return rows


def _record_rows(article: dict, records: list, extractor_version: str, screen: Screen, kato_codes,
                 oked_codes) -> ExtractionRows:
    rows = ExtractionRows()
    for index, rec in enumerate(records):
        common = {
            "article_id": article["article_id"], "content_sha256": article["content_sha256"],
            "source_file": article["source_file"], "evidence": rec.evidence, "evidence_start": rec.evidence_start,
            "evidence_end": rec.evidence_end, "extractor_version": extractor_version,
        }
        if not isinstance(rec, DealMention):
            total_id = stable_id(article["article_id"], article["content_sha256"], rec.evidence_start, index, "t")
            rows.totals.append(_total_row(rec, total_id, common))
            continue
        mention_id = stable_id(article["article_id"], article["content_sha256"], rec.evidence_start, index)
        try:
            mention, issues = screen(_mention_row(rec, mention_id, common), kato_codes, oked_codes)
        except Exception as exc:  # noqa: BLE001 - this mention only; the article's others go on
            error = ProcessingError.from_exception("screen", exc, extractor_version)
            rows.errors.append(processing_error_row(error, record_id=mention_id, article=article,
                                                    mention_id=mention_id))
            continue
        rows.mentions.append(mention)
        rows.rejected_values.extend(
            {"mention_id": mention_id, "article_id": article["article_id"],
             "content_sha256": article["content_sha256"], "source_file": article["source_file"],
             "field": issue.field, "value": issue.value, "reason": issue.reason, "message": issue.message,
             "extractor_version": extractor_version}
            for issue in issues
        )
    return rows


def registry_codes(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    """KATO codes of regions and districts, and dotted OKED codes: what a mention's codes may be."""
    kato = {r[0] for r in con.execute("select code from raw.kato where depth <= 2").fetchall()}
    oked = {r[0] for r in con.execute("select code_dotted from raw.oked").fetchall()}
    return kato, oked


def drop_other_versions(con: duckdb.DuckDBPyConnection, extractor_version: str) -> None:
    """A new extractor version re-reads everything: what older versions made is removed."""
    with transaction(con):
        for table in ("raw.deal_mentions", "raw.announced_totals", "raw.rejected_values",
                      "state.extracted_articles"):
            con.execute(f"delete from {table} where extractor_version <> ?", [extractor_version])
        con.execute("delete from raw.processing_errors where stage in ('extract', 'screen') and code_version <> ?",
                    [extractor_version])


def store_extraction(con: duckdb.DuckDBPyConnection, rows: ExtractionRows) -> None:
    with transaction(con):
        insert_frame(con, "raw.deal_mentions", pd.DataFrame(rows.mentions))
        insert_frame(con, "raw.announced_totals", pd.DataFrame(rows.totals))
        insert_frame(con, "raw.rejected_values", pd.DataFrame(rows.rejected_values))
        insert_frame(con, "raw.processing_errors", pd.DataFrame(rows.errors), on_conflict="do nothing")
        insert_frame(con, "state.extracted_articles", pd.DataFrame(rows.processed))


def extraction_rows(articles: Sequence[dict], outcomes: Sequence, **kwargs) -> ExtractionRows:
    """article_rows over a batch."""
    rows = ExtractionRows()
    for article, outcome in zip(articles, outcomes, strict=True):
        rows.extend(article_rows(article, outcome, **kwargs))
    return rows
