"""A read-only copy of the warehouse for BI tools and analysts, replaced atomically after each build."""


import os
import shutil
import tempfile
from pathlib import Path

import dagster as dg
import duckdb

from orchestration import settings, warehouse
from orchestration.resources import WarehouseResource

MART_KEYS = [
    ["marts", name]
    for name in (
        "fct_deal_mentions", "fct_deals", "fct_announced_totals", "fct_quarantine", "dim_district", "dim_sector",
        "dim_country", "dim_date", "dim_company", "mart_investment_by_sector", "mart_investment_by_district",
        "mart_investment_by_country", "mart_investment_by_month", "review_queue", "fct_deal_stages",
        "fct_corrections",
    )
]


def publish_copy(source: Path, target: Path) -> int:
    """Checkpoint `source`, copy it beside `target` and rename over `target` (never a half-written file)."""
    con = duckdb.connect(str(source))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target.stat().st_size


@dg.asset(deps=MART_KEYS, group_name="publishing", pool="warehouse", kinds={"duckdb"})
def published_warehouse(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Publish invest_tracker.published.duckdb: the file BI tools and analysts open while runs write."""
    source = warehouse_db.resolved_path()
    target = settings.published_path(source)
    size = publish_copy(source, target)
    context.log.info(f"progress: published {target} ({size:,} bytes)")
    with warehouse_db.connect() as con:
        # the marts just published were built from `dbt_build` and passed every blocking check upstream
        built = warehouse.build_state(con, "dbt_build")
        if built:
            warehouse.record_build_state(con, "validated", built)
    return dg.MaterializeResult(metadata={"path": str(target), "bytes": size})


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[published_warehouse])
