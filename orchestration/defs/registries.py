"""Registries as assets: KATO, OKED, countries and the World Bank annual rates, from files in the repo."""


import os

import dagster as dg
import pandas as pd

from orchestration import warehouse
from orchestration.resources import WarehouseResource
from sources import registries
from sources.nbk_rates import NBK_RATES_URL, RateFeedError, fetch_nbk_rates

GROUP = "registries"


def _write_registry(
    context: dg.AssetExecutionContext, db: WarehouseResource, table: str, rows: tuple[dict, ...]
) -> dg.MaterializeResult:
    frame = pd.DataFrame(list(rows))
    with db.connect() as con:
        count = warehouse.replace_rows(con, table, frame)
    context.log.info("raw.%s: %d rows", table, count)
    return dg.MaterializeResult(metadata={"rows": count, "table": f"raw.{table}"})


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


class NbkRatesResource(dg.ConfigurableResource):
    """The National Bank of Kazakhstan rate feed. Off unless enabled: CI and the demo run without internet."""

    enabled: bool | None = None  # None: $INVEST_TRACKER_NBK_FETCH=1 turns it on, read when a run starts
    base_url: str = NBK_RATES_URL
    timeout_seconds: float = 10.0
    retries: int = 3

    def is_enabled(self) -> bool:
        if self.enabled is not None:
            return self.enabled
        return os.environ.get("INVEST_TRACKER_NBK_FETCH", "0").strip().lower() in {"1", "true", "yes"}


@dg.asset(key=["raw", "fx_rates_daily"], group_name=GROUP, pool="warehouse", kinds={"python", "duckdb"},
          deps=[["raw", "press_releases"], ["raw", "feed_items"]])
def fx_rates_daily(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, nbk_rates: NbkRatesResource
) -> dg.MaterializeResult:
    """National Bank daily official rates for every publication date not fetched yet (cached in raw)."""
    with warehouse_db.connect() as con:
        missing = [
            r[0]
            for r in con.execute(
                """
                select distinct p.published
                from raw.press_releases as p
                where p.is_current and p.published is not null
                  and not exists (select 1 from raw.fx_rates_daily as f
                                  where f.rate_date = p.published and f.currency = 'USD')
                order by 1
                """
            ).fetchall()
        ]
    if not nbk_rates.is_enabled():
        context.log.info("National Bank feed disabled: %d dates fall back to World Bank annual rates", len(missing))
        return dg.MaterializeResult(metadata={"fetched_dates": 0, "dates_without_daily_rate": len(missing)})
    try:
        rows = fetch_nbk_rates(missing, base_url=nbk_rates.base_url, timeout=nbk_rates.timeout_seconds,
                               retries=nbk_rates.retries)
    except RateFeedError as exc:
        # earlier rates stay in raw.fx_rates_daily: nothing is written when the feed fails
        raise dg.Failure(f"National Bank rate feed failed: {exc}") from exc
    frame = pd.DataFrame(rows, columns=["rate_date", "currency", "kzt_rate", "quant", "source_url"])
    frame = frame.drop_duplicates(subset=["rate_date", "currency"])
    frame["fetched_at"] = pd.Timestamp.now()
    with warehouse_db.connect() as con:
        if not frame.empty:
            con.register("_rates", frame)
            con.execute(
                """
                insert into raw.fx_rates_daily (rate_date, currency, kzt_rate, quant, fetched_at, source_url)
                select rate_date, currency, kzt_rate, quant, fetched_at, source_url from _rates
                on conflict (rate_date, currency) do nothing
                """
            )
            con.unregister("_rates")
        count = con.execute("select count(*) from raw.fx_rates_daily").fetchone()[0]
    return dg.MaterializeResult(metadata={"fetched_dates": len(missing), "rows_total": count})


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[kato, oked, countries, fx_rates_annual, fx_rates_daily],
        resources={"nbk_rates": NbkRatesResource()},
    )
