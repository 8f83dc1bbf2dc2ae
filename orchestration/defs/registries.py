"""Registries as assets: KATO, OKED, countries and the World Bank annual rates, from files in the repo."""


import dagster as dg
import pandas as pd

from orchestration import warehouse
from orchestration.resources import WarehouseResource
from sources import registries

GROUP = "registries"


def _write_registry(
    context: dg.AssetExecutionContext, db: WarehouseResource, table: str, rows: tuple[dict, ...]
) -> dg.MaterializeResult:
    frame = pd.DataFrame(list(rows))
    digest = f"{len(frame)}:{int(pd.util.hash_pandas_object(frame, index=False).sum()) & 0xFFFFFFFFFFFF:x}"
    with db.connect() as con:
        if warehouse.build_state(con, f"registry:{table}") == digest:
            # same registry as last time: rewriting thousands of identical rows would only cost time
            return dg.MaterializeResult(metadata={"rows": len(frame), "table": f"raw.{table}", "unchanged": True})
        count = warehouse.replace_rows(con, table, frame)
        warehouse.record_build_state(con, f"registry:{table}", digest)
    context.log.info(f"raw.{table}: {count} rows")
    return dg.MaterializeResult(metadata={"rows": count, "table": f"raw.{table}", "unchanged": False})


@dg.asset(key=["raw", "kato"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def kato(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """KATO 2022 territorial units with parents, region codes and Kazakh/English names where known."""
    rows = registries.load_kato()
    columns = ("code", "name_ru", "name_kk", "name_en", "parent_code", "region_code", "depth", "kind")
    return _write_registry(context, warehouse_db, "kato", tuple({k: r[k] for k in columns} for r in rows))


@dg.asset(key=["raw", "oked"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def oked(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """OKED (NK RK 03-2019) from section to subclass, with parents and descriptions."""
    return _write_registry(context, warehouse_db, "oked", registries.load_oked())


@dg.asset(key=["raw", "countries"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def countries(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """ISO 3166-1 countries (pycountry) with Russian names from pycountry's translations."""
    return _write_registry(context, warehouse_db, "countries", registries.load_countries())


@dg.asset(key=["raw", "fx_rates_annual"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def fx_rates_annual(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """World Bank official annual average rates (local currency per USD): the offline FX fallback."""
    return _write_registry(context, warehouse_db, "fx_rates_annual", registries.load_wb_annual_rates())


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[kato, oked, countries, fx_rates_annual],
    )
