"""National Bank of Kazakhstan daily rates: one partition per day, so a date range is a backfill from the UI.

A sensor asks for the days that current articles were published on and that have no daily rate yet; a daily
schedule fetches today's rates. Until a day's rate is fetched, dbt falls back to the World Bank annual average.
"""

import os
from datetime import date, timedelta

import dagster as dg
import duckdb
import pandas as pd

from orchestration import settings
from orchestration.resources import WarehouseResource
from sources.nbk_rates import NBK_RATES_URL, RateFeedError, fetch_nbk_rates

RATES_KEY = dg.AssetKey(["raw", "fx_rates_daily"])
# The feed serves rates back to the 1990s; the warehouse needs them from the first articles it tracks.
daily_partitions = dg.DailyPartitionsDefinition(start_date="2010-01-01", timezone="Asia/Almaty", end_offset=1)


class NbkRatesResource(dg.ConfigurableResource):
    """The National Bank rate feed (tests point `base_url` at a local server)."""

    base_url: str = NBK_RATES_URL
    timeout_seconds: float = 10.0
    retries: int = 3


@dg.asset(
    key=RATES_KEY,
    partitions_def=daily_partitions,
    group_name="registries",
    pool="warehouse",
    kinds={"python", "duckdb"},
)
def fx_rates_daily(
    context: dg.AssetExecutionContext, warehouse_db: WarehouseResource, nbk_rates: NbkRatesResource
) -> dg.MaterializeResult:
    """Official National Bank rates (tenge per unit) for the partition's day, kept in raw.fx_rates_daily."""
    day = date.fromisoformat(context.partition_key)
    try:
        rows = fetch_nbk_rates([day], base_url=nbk_rates.base_url, timeout=nbk_rates.timeout_seconds,
                               retries=nbk_rates.retries)
    except RateFeedError as exc:
        # earlier rates stay in raw.fx_rates_daily: nothing is written when the feed fails
        raise dg.Failure(f"National Bank rate feed failed for {day}: {exc}") from exc
    frame = pd.DataFrame(rows, columns=["rate_date", "currency", "kzt_rate", "quant", "source_url"])
    # the feed answers a non-working day with the last published rates, dated as published
    frame = frame.drop_duplicates(subset=["rate_date", "currency"])
    frame["fetched_at"] = pd.Timestamp.now()
    with warehouse_db.connect() as con:
        if not frame.empty:
            con.register("_rates", frame)
            con.execute(
                """
                insert into raw.fx_rates_daily (rate_date, currency, kzt_rate, quant, fetched_at, source_url)
                select rate_date, currency, kzt_rate, quant, fetched_at, source_url from _rates
                on conflict (rate_date, currency) do update set
                    kzt_rate = excluded.kzt_rate, quant = excluded.quant, fetched_at = excluded.fetched_at,
                    source_url = excluded.source_url
                """
            )
            con.unregister("_rates")
    usd = frame.loc[frame["currency"] == "USD", "kzt_rate"]
    return dg.MaterializeResult(
        metadata={"currencies": len(frame), "usd_kzt": float(usd.iloc[0]) if len(usd) else None,
                  "rate_dates": sorted({str(d) for d in frame["rate_date"]})}
    )


nbk_rates_job = dg.define_asset_job(
    "nbk_rates", selection=[RATES_KEY], partitions_def=daily_partitions,
    description="Fetch the National Bank's official rates for one day (backfill a range from the UI).",
    # the connector already retries each request with backoff; a run that still fails is retried later once
    tags={"dagster/max_retries": "1", "dagster/retry_strategy": "FROM_FAILURE"},
)

nbk_rates_schedule = dg.build_schedule_from_partitioned_job(
    nbk_rates_job, hour_of_day=18, minute_of_hour=30, name="nbk_rates_daily",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


def publication_days_without_rates(warehouse_path, limit: int = 50) -> list[str]:
    """Days that current articles were published on and that have no National Bank USD rate yet."""
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        rows = con.execute(
            """
            select distinct p.published
            from raw.press_releases as p
            where p.is_current and p.published >= date '2010-01-01'
              and not exists (select 1 from raw.fx_rates_daily as f
                              where f.rate_date between p.published - 6 and p.published and f.currency = 'USD')
            order by 1 desc
            limit ?
            """,
            [limit],
        ).fetchall()
    finally:
        con.close()
    return [r[0].isoformat() for r in rows]


@dg.sensor(job=nbk_rates_job, minimum_interval_seconds=600, default_status=dg.DefaultSensorStatus.STOPPED)
def nbk_rates_for_articles(context: dg.SensorEvaluationContext):
    """Request the daily rates of every publication day that has none yet (reads the published copy)."""
    published = settings.published_path(settings.warehouse_path())
    if not published.exists():
        return dg.SkipReason(f"no published warehouse yet at {published}")
    try:
        days = publication_days_without_rates(published)
    except duckdb.Error as exc:
        return dg.SkipReason(f"could not read {published}: {exc}")
    today = date.today() + timedelta(days=1)
    days = [d for d in days if date.fromisoformat(d) <= today]
    if not days:
        return dg.SkipReason("every publication day has its National Bank rate")
    return [dg.RunRequest(run_key=f"nbk-{d}", partition_key=d) for d in days]


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[fx_rates_daily],
        jobs=[nbk_rates_job],
        schedules=[nbk_rates_schedule],
        sensors=[nbk_rates_for_articles],
        resources={"nbk_rates": NbkRatesResource(base_url=os.environ.get(settings.NBK_URL_ENV) or NBK_RATES_URL)},
    )
