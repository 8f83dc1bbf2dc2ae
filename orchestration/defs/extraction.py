"""Deal mentions and announced totals from the articles whose text the extractor has not seen yet."""


import hashlib
import json
import multiprocessing
import os
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

import dagster as dg
import pandas as pd

from extraction import default_gazetteer
from extraction.guard import EXTRACTOR_VERSION, ProcessingError, extract_guarded
from extraction.models import DealMention
from orchestration import warehouse
from orchestration.resources import WarehouseResource
from quality.plausibility import screen_mention

GROUP = "extraction"


def _stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


# Below this many articles a process pool costs more than it saves.
PARALLEL_THRESHOLD = 300


def _extract_one(args: tuple) -> list | ProcessingError:
    text, published, lang, title = args
    return extract_guarded(text, published=published, lang=lang, title=title)


def run_extractor(articles: Sequence[dict], workers: int | None = None) -> list[list | ProcessingError]:
    """extract_guarded over every article, in a process pool when the batch is large (one process a core)."""
    jobs = [(a["text"], a["published"], a["lang"], a["title"]) for a in articles]
    workers = workers or os.cpu_count() or 1
    if len(jobs) < PARALLEL_THRESHOLD or workers < 2:
        return [_extract_one(job) for job in jobs]
    default_gazetteer()  # built once here; forked workers share it instead of each building their own
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_extract_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def _article_rows(
    row: dict, records: list, kato_codes, oked_codes
) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """(mentions, totals, rejected values, processing errors) of one article's records; ids derive from article,
    content and offsets. A mention whose screening raises is quarantined alone (stage 'screen')."""
    mentions: list[dict] = []
    totals: list[dict] = []
    rejected_values: list[dict] = []
    errors: list[dict] = []
    for index, rec in enumerate(records):
        common = {
            "article_id": row["article_id"],
            "content_sha256": row["content_sha256"],
            "source_file": row["source_file"],
            "evidence": rec.evidence,
            "evidence_start": rec.evidence_start,
            "evidence_end": rec.evidence_end,
            "extractor_version": EXTRACTOR_VERSION,
        }
        if isinstance(rec, DealMention):
            mention_id = _stable_id(row["article_id"], row["content_sha256"], rec.evidence_start, index)
            try:
                mention, issues = _screen(rec, mention_id, common, kato_codes, oked_codes)
            except Exception as exc:  # noqa: BLE001 - this mention only; the article's others go on
                failure = ProcessingError.from_exception("screen", exc, EXTRACTOR_VERSION)
                errors.append(processing_error_row(failure, record_id=mention_id, article=row, mention_id=mention_id))
                continue
            mentions.append(mention)
            rejected_values.extend(
                {
                    "mention_id": mention_id,
                    "article_id": row["article_id"],
                    "content_sha256": row["content_sha256"],
                    "source_file": row["source_file"],
                    "field": issue.field,
                    "value": issue.value,
                    "reason": issue.reason,
                    "message": issue.message,
                    "extractor_version": EXTRACTOR_VERSION,
                }
                for issue in issues
            )
        else:
            totals.append(
                {
                    "total_id": _stable_id(row["article_id"], row["content_sha256"], rec.evidence_start, index, "t"),
                    **common,
                    "kind": rec.kind,
                    "amount": rec.amount,
                    "currency": rec.currency,
                    "amount_approximate": rec.amount_approximate,
                    "amount_text": rec.amount_text,
                    "region_kato": rec.region_kato,
                    "part_amount_starts": list(rec.part_amount_starts),
                }
            )
    return mentions, totals, rejected_values, errors


def _screen(rec: DealMention, mention_id: str, common: dict, kato_codes, oked_codes):
    """The mention's row after the plausibility screen, and what the screen nulled."""
    return screen_mention(
        {
            "mention_id": mention_id,
            **common,
            "partner_name": rec.partner_name,
            "partner_country": rec.partner_country,
            "region_kato": rec.region_kato,
            "district_kato": rec.district_kato,
            "oked": rec.oked,
            "amount": rec.amount,
            "currency": rec.currency,
            "amount_approximate": rec.amount_approximate,
            "amount_text": rec.amount_text,
            "status": rec.status,
            "capacity_value": rec.capacity_value,
            "capacity_unit": rec.capacity_unit,
            "jobs": rec.jobs,
            "start_year": rec.start_year,
            "completion_year": rec.completion_year,
            "confidence": rec.confidence,
            "confidence_reasons": list(rec.confidence_reasons),
            "field_evidence": json.dumps(rec.field_evidence, ensure_ascii=False),
        },
        kato_codes,
        oked_codes,
    )


def processing_error_row(stage_error: ProcessingError, *, record_id: str, article: dict,
                         mention_id: str | None = None) -> dict:
    """A raw.processing_errors row: the record, the stage, the exception and the code version."""
    return {
        "stage": stage_error.stage,
        "record_id": record_id,
        "article_id": article["article_id"],
        "content_sha256": article["content_sha256"],
        "source_file": article["source_file"],
        "mention_id": mention_id,
        "error_type": stage_error.error_type,
        "message": stage_error.describe(mention_id or article["source_file"]),
        "code_version": stage_error.code_version,
        "seen_at": datetime.now(),
    }


def extract_rows(
    articles: Sequence[dict], kato_codes: Collection[str], oked_codes: Collection[str]
) -> tuple[list[dict], list[dict], list[dict], list[dict], list[dict]]:
    """Run the extractor over article rows: (mentions, totals, processed, rejected values, processing errors).

    Every mention passes the plausibility screen: an implausible field is nulled and quarantined. An article whose
    extraction raises, or a mention whose screening raises, is quarantined as a processing error; the rest go on.
    """
    mentions: list[dict] = []
    rejected_values: list[dict] = []
    totals: list[dict] = []
    processed: list[dict] = []
    errors: list[dict] = []
    for row, outcome in zip(articles, run_extractor(articles), strict=True):
        article_mentions, article_totals, article_rejected, article_errors = [], [], [], []
        if not isinstance(outcome, ProcessingError):
            try:
                article_mentions, article_totals, article_rejected, article_errors = _article_rows(
                    row, outcome, kato_codes, oked_codes)
            except Exception as exc:  # noqa: BLE001 - as in extract_guarded: this article only
                outcome = ProcessingError.from_exception("screen", exc, EXTRACTOR_VERSION)
        if isinstance(outcome, ProcessingError):
            record_id = f"{row['article_id']}:{row['content_sha256']}"
            article_errors = [processing_error_row(outcome, record_id=record_id, article=row)]
            article_mentions, article_totals, article_rejected = [], [], []
        mentions += article_mentions
        totals += article_totals
        rejected_values += article_rejected
        errors += article_errors
        processed.append(
            {
                "article_id": row["article_id"],
                "content_sha256": row["content_sha256"],
                "extractor_version": EXTRACTOR_VERSION,
                "mention_count": len(article_mentions),
                "total_count": len(article_totals),
                "extracted_at": datetime.now(),
            }
        )
    return mentions, totals, processed, rejected_values, errors


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "deal_mentions"], deps=[["raw", "press_releases"], ["raw", "feed_items"], ["raw", "kato"],
                                                       ["raw", "oked"]],
                     description="Deals stated in articles, each with its evidence sentence and offsets."),
        dg.AssetSpec(["raw", "announced_totals"], deps=[["raw", "press_releases"], ["raw", "feed_items"]],
                     description="Umbrella totals, targets and statistics: money stated that is not a deal."),
        dg.AssetSpec(["raw", "rejected_values"], deps=[["raw", "press_releases"], ["raw", "feed_items"]],
                     description="Quarantine of implausible extracted values (field nulled in the mention)."),
        dg.AssetSpec(["raw", "extracted_articles"], deps=[["raw", "press_releases"], ["raw", "feed_items"]],
                     description="Article versions already extracted (incremental extraction)."),
    ],
    group_name=GROUP,
    pool="warehouse",
)
def deal_mentions(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Extract deal mentions from every current article version not yet extracted by this extractor version."""
    with warehouse_db.connect() as con:
        # a new extractor version re-reads everything: its output replaces the old version's
        for table in ("deal_mentions", "announced_totals", "rejected_values", "extracted_articles"):
            con.execute(f"delete from raw.{table} where extractor_version <> ?", [EXTRACTOR_VERSION])
        con.execute("delete from raw.processing_errors where stage in ('extract', 'screen') and code_version <> ?",
                    [EXTRACTOR_VERSION])
        pending = warehouse.fetch_dicts(
            con,
            """
            select p.article_id, p.content_sha256, p.source_file, p.text, p.published, p.lang, p.title
            from raw.press_releases as p
            where p.is_current
              and not exists (
                select 1 from raw.extracted_articles as e
                where e.article_id = p.article_id and e.content_sha256 = p.content_sha256
              )
            order by p.source_file
            """,
        )
        kato_codes = {r[0] for r in con.execute("select code from raw.kato where depth <= 2").fetchall()}
        oked_codes = {r[0] for r in con.execute("select code_dotted from raw.oked").fetchall()}
    context.log.info(f"progress: {len(pending)} new article versions to extract (extractor {EXTRACTOR_VERSION})")
    mentions, totals, processed, rejected_values, errors = extract_rows(pending, kato_codes, oked_codes)
    for value in rejected_values[:20]:
        context.log.warning(f"quarantined value {value['message']}")
    if len(rejected_values) > 20:
        context.log.warning(f"... and {len(rejected_values) - 20} more quarantined values (marts.fct_quarantine)")
    for error in errors[:20]:
        context.log.warning(f"quarantined article {error['message']}")
    with warehouse_db.connect() as con:
        con.execute("begin transaction")
        try:
            warehouse.insert_frame(con, "deal_mentions", pd.DataFrame(mentions))
            warehouse.insert_frame(con, "announced_totals", pd.DataFrame(totals))
            warehouse.insert_frame(con, "rejected_values", pd.DataFrame(rejected_values))
            warehouse.insert_frame(con, "extracted_articles", pd.DataFrame(processed))
            warehouse.insert_frame(con, "processing_errors", pd.DataFrame(errors), on_conflict="do nothing")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        counts = warehouse.table_counts(con, ["raw.deal_mentions", "raw.announced_totals"])
    yield dg.MaterializeResult(
        asset_key=["raw", "deal_mentions"],
        metadata={"new_mentions": len(mentions), "rows_total": counts["raw.deal_mentions"],
                  "articles_extracted": len(processed)},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "announced_totals"],
        metadata={"new_totals": len(totals), "rows_total": counts["raw.announced_totals"]},
    )
    yield dg.MaterializeResult(asset_key=["raw", "rejected_values"], metadata={"new": len(rejected_values)})
    yield dg.MaterializeResult(asset_key=["raw", "extracted_articles"],
                               metadata={"new": len(processed), "processing_errors": len(errors)})


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[deal_mentions])
