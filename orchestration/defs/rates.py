"""National Bank of Kazakhstan daily rates: one partition per day, so a date range is a backfill from the UI.

A sensor asks for the days that current articles were published on and that have no daily rate yet; a daily
schedule fetches today's rates. Until a day's rate is fetched, dbt falls back to the World Bank annual average.
"""

from datetime import date, timedelta

import dagster as dg
import duckdb
import pandas as pd

from orchestration import settings
from orchestration.resources import WarehouseResource
from sources.nbk_rates import RateFeedError, fetch_nbk_rates
from warehouse.rates import publication_days_without_rates, store_daily_rates

RATES_KEY = dg.AssetKey(["raw", "fx_rates_daily"])
# The feed serves rates back to the 1990s; the warehouse needs them from the first articles it tracks.
daily_partitions = dg.DailyPartitionsDefinition(start_date="2010-01-01", timezone="Asia/Almaty", end_offset=1)


class NbkRatesResource(dg.ConfigurableResource):
    """The National Bank rate feed (tests point `base_url` at a local server). Empty `base_url` means
    $INVEST_TRACKER_NBK_URL, else the bank's own address, read when the run starts."""

    base_url: str = ""

    def resolved_url(self) -> str:
        return self.base_url or settings.nbk_rates_url()
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
        rows = fetch_nbk_rates([day], base_url=nbk_rates.resolved_url(), timeout=nbk_rates.timeout_seconds,
                               retries=nbk_rates.retries)
    except RateFeedError as exc:
        # earlier rates stay in raw.fx_rates_daily: nothing is written when the feed fails
        raise dg.Failure(f"National Bank rate feed failed for {day}: {exc}") from exc
    frame = pd.DataFrame(rows, columns=["rate_date", "currency", "kzt_rate", "quant", "source_url"])
    # the feed answers a non-working day with the last published rates, dated as published
    frame["fetched_at"] = pd.Timestamp.now()
    with warehouse_db.connect() as con:
        store_daily_rates(con, frame)
    usd = frame.loc[frame["currency"] == "USD", "kzt_rate"]
    return dg.MaterializeResult(
        metadata={"currencies": len(frame), "usd_kzt": float(usd.iloc[0]) if len(usd) else None,
                  "rate_dates": sorted({str(d) for d in frame["rate_date"]})}
    )


nbk_rates_job = dg.define_asset_job(
    "nbk_rates", selection=[RATES_KEY],
    description="Fetch the National Bank's official rates for one day (backfill a range from the UI).",
    # the connector already retries each request with backoff; a run that still fails is retried later once
    tags={"dagster/max_retries": "1", "dagster/retry_strategy": "FROM_FAILURE"},
)

nbk_rates_schedule = dg.build_schedule_from_partitioned_job(
    nbk_rates_job, hour_of_day=18, minute_of_hour=30, name="nbk_rates_daily",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


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
        resources={"nbk_rates": NbkRatesResource()},
    )
