"""Registries as assets: KATO, OKED, countries and the World Bank annual rates, from files in the repo."""

import dagster as dg
import pandas as pd

from orchestration.resources import WarehouseResource
from sources import registries
from warehouse.registries import write_registry

GROUP = "registries"
KATO_COLUMNS = ("code", "name_ru", "name_kk", "name_en", "parent_code", "region_code", "depth", "kind")


def _write(context: dg.AssetExecutionContext, db: WarehouseResource, table: str, rows) -> dg.MaterializeResult:
    frame = pd.DataFrame(list(rows))
    with db.connect() as con:
        written = write_registry(con, table, frame)
    if written:
        context.log.info(f"raw.{table}: {len(frame)} rows")
    return dg.MaterializeResult(metadata={"rows": len(frame), "table": f"raw.{table}", "unchanged": not written})


@dg.asset(key=["raw", "kato"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def kato(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """KATO 2022 territorial units with parents, region codes and Kazakh/English names where known."""
    return _write(context, warehouse_db, "kato", ({k: r[k] for k in KATO_COLUMNS} for r in registries.load_kato()))


@dg.asset(key=["raw", "oked"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def oked(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """OKED (NK RK 03-2019) from section to subclass, with parents and descriptions."""
    return _write(context, warehouse_db, "oked", registries.load_oked())


@dg.asset(key=["raw", "countries"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def countries(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """ISO 3166-1 countries (pycountry) with Russian names from pycountry's translations."""
    return _write(context, warehouse_db, "countries", registries.load_countries())


@dg.asset(key=["raw", "fx_rates_annual"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"})
def fx_rates_annual(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """World Bank official annual average rates (local currency per USD): the offline FX fallback."""
    return _write(context, warehouse_db, "fx_rates_annual", registries.load_wb_annual_rates())


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[kato, oked, countries, fx_rates_annual])
