"""A read-only copy of the warehouse for BI tools and analysts, replaced atomically after each build."""

import dagster as dg

from orchestration.resources import WarehouseResource
from warehouse import state
from warehouse.publish import publish_copy, published_path

MART_KEYS = [
    ["marts", name]
    for name in (
        "fct_deal_mentions", "fct_deals", "fct_announced_totals", "fct_quarantine", "dim_district", "dim_sector",
        "dim_country", "dim_date", "dim_company", "mart_investment_by_sector", "mart_investment_by_district",
        "mart_investment_by_country", "mart_investment_by_month", "review_queue", "fct_deal_stages",
        "fct_corrections",
    )
]


@dg.asset(deps=MART_KEYS, group_name="publishing", pool="warehouse", kinds={"duckdb"})
def published_warehouse(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """Publish invest_tracker.published.duckdb: the file BI tools and analysts open while runs write."""
    source = warehouse_db.resolved_path()
    target = published_path(source)
    size = publish_copy(source, target)
    context.log.info(f"progress: published {target} ({size:,} bytes)")
    with warehouse_db.connect() as con:
        # the marts just published were built from `dbt_build` and passed every blocking check upstream
        built = state.dbt_build_state(con)
        if built:
            state.record(con, "validated", built)
    return dg.MaterializeResult(metadata={"path": str(target), "bytes": size})


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[published_warehouse])
