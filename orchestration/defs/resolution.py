"""Deal resolution between extraction and dbt: raw.deal_mentions -> raw.mention_resolution (+ raw.deal_merges).

It runs on raw tables, before dbt, so the flow stays one-way: dbt reads the deal ids as a source and never
calls back into Python. Analyst merges and splits come from the same versioned file dbt seeds
(dbt_project/seeds/corrections.csv), read here directly rather than from the seeded table, which dbt only
writes after this step.
"""

import hashlib
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import dagster as dg
import pandas as pd

import resolution
from orchestration import settings
from orchestration.resources import WarehouseResource
from resolution import deal_merges, load_corrections, resolve_mentions

GROUP = "resolution"
CORRECTIONS_FILE = settings.DBT_PROJECT_DIR / "seeds" / "corrections.csv"
RESOLUTION_COLUMNS = ["mention_id", "deal_id", "rule", "score", "merged_from", "partner_conflict"]

MENTIONS_SQL = """
    select
        m.mention_id, m.article_id, p.published as published_date, m.partner_name, m.partner_country,
        m.region_kato, m.district_kato, m.oked, m.amount, m.currency, m.status, m.capacity_value, m.capacity_unit
    from raw.deal_mentions as m
    inner join raw.press_releases as p
        on m.article_id = p.article_id and m.content_sha256 = p.content_sha256 and p.is_current
    order by m.mention_id
"""


def _resolver_version() -> str:
    """A digest of the resolution code: ids are stable across versions, this only says which code assigned them."""
    digest = hashlib.sha256()
    for path in sorted(Path(resolution.__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def resolution_rows(
    mentions: pd.DataFrame,
    previous: pd.DataFrame,
    rates: Mapping[tuple[str, int], float],
    corrections_file: Path = CORRECTIONS_FILE,
) -> tuple[pd.DataFrame, list[dict]]:
    """Resolve the current mentions against last run's assignments; returns (assignments, new merges).

    A mention's `merged_from` sticks while it stays in the deal that absorbed its old one, so the lineage of a
    merge stays visible after the run that made it.
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
    assignments = resolve_mentions(
        mentions.to_dict(orient="records"), before, load_corrections(corrections_file), rates
    )
    merges = deal_merges(assignments)
    for row in assignments:
        if row["merged_from"] is None and before.get(row["mention_id"]) == row["deal_id"]:
            row["merged_from"] = sticky.get(row["mention_id"])
    return pd.DataFrame(assignments, columns=RESOLUTION_COLUMNS), merges


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
        mentions = con.execute(MENTIONS_SQL).df()
        previous = con.execute("select mention_id, deal_id, merged_from from raw.mention_resolution").df()
        rates = {
            (currency, int(year)): float(rate)
            for currency, year, rate in con.execute(
                "select currency, year, lcu_per_usd from raw.fx_rates_annual"
            ).fetchall()
        }
    frame, merges = resolution_rows(mentions, previous, rates)
    now, run_id = datetime.now(), context.run.run_id
    frame["resolver_version"] = _resolver_version()
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
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
        merges_total = con.execute("select count(*) from raw.deal_merges").fetchone()[0]
    deals = frame["deal_id"].nunique() if not frame.empty else 0
    yield dg.MaterializeResult(
        asset_key=["raw", "mention_resolution"],
        metadata={"mentions": len(frame), "deals": deals,
                  "by_rule": dg.MetadataValue.json(frame["rule"].value_counts().to_dict() if deals else {})},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "deal_merges"], metadata={"new_merges": len(merges), "rows_total": merges_total}
    )


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[mention_resolution])
