"""Deal resolution between extraction and dbt: raw.deal_mentions -> raw.mention_resolution (+ raw.deal_merges).

It runs on raw tables, before dbt, so the flow stays one-way: dbt reads the deal ids as a source and never
calls back into Python. Analyst merges and splits come from the same versioned file dbt seeds
(dbt_project/seeds/corrections.csv), read here directly rather than from the seeded table, which dbt only
writes after this step.

Runs cost what changed: a digest of the inputs (current mentions, annual rates, corrections file, resolver code)
and of the output is kept in raw.build_state (step 'mention_resolution'). Same digest: nothing to do. Only new
mentions (every previous mention unchanged and still current, same rates, corrections and code): they are
resolved against the previous deals (`previous_rows`), which keep their members. Anything else: a full
resolution, ids kept from the previous run.
"""

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import dagster as dg
import pandas as pd

from extraction.guard import ProcessingError
from orchestration import settings, warehouse
from orchestration.defs.extraction import processing_error_row
from orchestration.resources import WarehouseResource
from resolution import RESOLVER_VERSION, deal_merges, load_corrections, resolve_mentions

GROUP = "resolution"
CORRECTIONS_FILE = settings.DBT_PROJECT_DIR / "seeds" / "corrections.csv"
RESOLUTION_COLUMNS = ["mention_id", "deal_id", "rule", "score", "merged_from", "partner_conflict"]

MENTIONS_SQL = """
    select
        m.mention_id, m.article_id, m.content_sha256, m.source_file, p.published as published_date,
        m.partner_name, m.partner_country, m.region_kato, m.district_kato, m.oked, m.amount, m.currency, m.status,
        m.capacity_value, m.capacity_unit
    from raw.deal_mentions as m
    inner join raw.press_releases as p
        on m.article_id = p.article_id and m.content_sha256 = p.content_sha256 and p.is_current
    order by m.mention_id
"""


STATE_STEP = "mention_resolution"
MENTION_COLUMNS = ("mention_id, article_id, published_date, partner_name, partner_country, region_kato, "
                   "district_kato, oked, amount, currency, status, capacity_value, capacity_unit")
OUTPUT_COLUMNS = "mention_id, deal_id, rule, score, merged_from, partner_conflict"


def _digest(con, sql: str, columns: str) -> str:
    """Row count and an order-independent hash of a query's rows."""
    count, digest = con.execute(f"select count(*), bit_xor(hash({columns})) from ({sql})").fetchone()
    return f"{count}:{digest}"


def input_state(con, corrections_file: Path = CORRECTIONS_FILE) -> dict[str, str]:
    """What a resolution depends on, as digests: mentions, rates, corrections, code, and the stored output."""
    corrections = corrections_file.read_bytes() if corrections_file.is_file() else b""
    return {
        "mentions": _digest(con, MENTIONS_SQL, MENTION_COLUMNS),
        "rates": _digest(con, "select * from raw.fx_rates_annual", "currency, year, lcu_per_usd"),
        "corrections": hashlib.sha256(corrections).hexdigest(),
        "version": RESOLVER_VERSION,
        "output": _digest(con, "select * from raw.mention_resolution", OUTPUT_COLUMNS),
    }


def stored_state(con) -> dict[str, str] | None:
    row = con.execute("select fingerprint from raw.build_state where step = ?", [STATE_STEP]).fetchone()
    try:
        return json.loads(row[0]) if row else None
    except ValueError:
        return None


def previous_mentions_unchanged(con, stored: dict[str, str]) -> bool:
    """The mentions the previous run resolved are all still current and read the same (only new ones added)."""
    kept = f"select * from ({MENTIONS_SQL}) where mention_id in (select mention_id from raw.mention_resolution)"
    return _digest(con, kept, MENTION_COLUMNS) == stored.get("mentions")


def run_mode(current: dict[str, str], stored: dict[str, str] | None, con) -> str:
    """'skip' (nothing changed), 'incremental' (only new mentions) or 'full'."""
    if stored is None:
        return "full"
    if current == stored:
        return "skip"
    same_context = all(current[k] == stored.get(k) for k in ("rates", "corrections", "version", "output"))
    return "incremental" if same_context and previous_mentions_unchanged(con, stored) else "full"


def resolution_rows(
    mentions: pd.DataFrame,
    previous: pd.DataFrame,
    rates: Mapping[tuple[str, int], float],
    corrections_file: Path = CORRECTIONS_FILE,
    incremental: bool = False,
    failures: list[tuple[str, Exception]] | None = None,
) -> tuple[pd.DataFrame, list[dict]]:
    """Resolve the current mentions against last run's assignments; returns (assignments, new merges).

    A mention's `merged_from` sticks while it stays in the deal that absorbed its old one, so the lineage of a
    merge stays visible after the run that made it. `incremental`: `previous` (with rule and score) is the last
    run's output for unchanged mentions; its deals are kept and only the other mentions are compared.
    """
    before = dict(zip(previous["mention_id"], previous["deal_id"], strict=True)) if not previous.empty else {}
    sticky = (
        {
            r.mention_id: r.merged_from
            for r in previous.itertuples(index=False)
            if isinstance(r.merged_from, str) and r.merged_from
        }
        if not previous.empty
        else {}
    )
    previous_rows = previous.to_dict(orient="records") if incremental and not previous.empty else None
    assignments = resolve_mentions(
        mentions.to_dict(orient="records"), before, load_corrections(corrections_file), rates,
        previous_rows=previous_rows, failures=failures,
    )
    merges = deal_merges(assignments)
    for row in assignments:
        if row["merged_from"] is None and before.get(row["mention_id"]) == row["deal_id"]:
            row["merged_from"] = sticky.get(row["mention_id"])
    return pd.DataFrame(assignments, columns=RESOLUTION_COLUMNS), merges


def resolution_error_rows(mentions: pd.DataFrame, failures: list[tuple[str, Exception]]) -> list[dict]:
    """raw.processing_errors rows for the mentions resolution could not read (stage 'resolve')."""
    if not failures:
        return []
    by_id = mentions.set_index("mention_id")
    rows = []
    for mention_id, exc in failures:
        article = {"article_id": by_id.at[mention_id, "article_id"],
                   "content_sha256": by_id.at[mention_id, "content_sha256"],
                   "source_file": by_id.at[mention_id, "source_file"]}
        error = ProcessingError.from_exception("resolve", exc, RESOLVER_VERSION)
        rows.append(processing_error_row(error, record_id=mention_id, article=article, mention_id=mention_id))
    return rows


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "mention_resolution"],
            deps=[["raw", "deal_mentions"], ["raw", "press_releases"], ["raw", "fx_rates_annual"]],
            description="The deal each current mention belongs to, the rule that put it there, and its score.",
        ),
        dg.AssetSpec(
            ["raw", "deal_merges"],
            deps=[["raw", "deal_mentions"]],
            description="Every merge of two existing deals: surviving and absorbed deal id, reason, run.",
        ),
    ],
    group_name=GROUP,
    pool="warehouse",
)
def mention_resolution(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Group mentions into deals (names across scripts, place, sector, amount, stage) under stable deal ids."""
    with warehouse_db.connect() as con:
        current, stored = input_state(con), stored_state(con)
        mode = run_mode(current, stored, con)
        if mode == "skip":
            rows = con.execute("select count(*), count(distinct deal_id) from raw.mention_resolution").fetchone()
            merges_total = con.execute("select count(*) from raw.deal_merges").fetchone()[0]
    if mode == "skip":
        context.log.info("resolution inputs unchanged since the last run: nothing to resolve")
        yield dg.MaterializeResult(asset_key=["raw", "mention_resolution"],
                                   metadata={"mode": mode, "mentions": rows[0], "deals": rows[1]})
        yield dg.MaterializeResult(asset_key=["raw", "deal_merges"],
                                   metadata={"new_merges": 0, "rows_total": merges_total})
        return
    with warehouse_db.connect() as con:
        mentions = con.execute(MENTIONS_SQL).df()
        previous = con.execute(f"select {OUTPUT_COLUMNS} from raw.mention_resolution").df()
        rates = {
            (currency, int(year)): float(rate)
            for currency, year, rate in con.execute(
                "select currency, year, lcu_per_usd from raw.fx_rates_annual"
            ).fetchall()
        }
    failures: list[tuple[str, Exception]] = []
    frame, merges = resolution_rows(mentions, previous, rates, incremental=mode == "incremental", failures=failures)
    errors = resolution_error_rows(mentions, failures)
    for error in errors[:20]:
        context.log.warning(f"quarantined mention {error['message']}")
    now, run_id = datetime.now(), context.run.run_id
    frame["resolver_version"] = RESOLVER_VERSION
    frame["resolved_at"] = now
    frame["run_id"] = run_id
    merge_frame = pd.DataFrame(
        merges, columns=["surviving_deal_id", "absorbed_deal_id", "reason", "mentions"]
    ).assign(merged_at=now, run_id=run_id)
    for merge in merges:
        context.log.info("merged deal %s into %s (%s)", merge["absorbed_deal_id"], merge["surviving_deal_id"],
                         merge["reason"])
    with warehouse_db.connect() as con:
        con.execute("begin transaction")
        try:
            con.execute("delete from raw.mention_resolution")
            if not frame.empty:
                con.register("_resolution", frame)
                con.execute("insert into raw.mention_resolution by name select * from _resolution")
                con.unregister("_resolution")
            if not merge_frame.empty:
                con.register("_merges", merge_frame)
                con.execute("insert into raw.deal_merges by name select * from _merges on conflict do nothing")
                con.unregister("_merges")
            con.execute("delete from raw.processing_errors where stage = 'resolve'")
            warehouse.insert_frame(con, "processing_errors", pd.DataFrame(errors))
            current["output"] = _digest(con, "select * from raw.mention_resolution", OUTPUT_COLUMNS)
            con.execute("insert or replace into raw.build_state values (?, ?, now())",
                        [STATE_STEP, json.dumps(current, sort_keys=True)])
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        merges_total = con.execute("select count(*) from raw.deal_merges").fetchone()[0]
    deals = frame["deal_id"].nunique() if not frame.empty else 0
    yield dg.MaterializeResult(
        asset_key=["raw", "mention_resolution"],
        metadata={"mode": mode, "mentions": len(frame), "deals": deals,
                  "by_rule": dg.MetadataValue.json(frame["rule"].value_counts().to_dict() if deals else {})},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "deal_merges"], metadata={"new_merges": len(merges), "rows_total": merges_total}
    )


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[mention_resolution])
