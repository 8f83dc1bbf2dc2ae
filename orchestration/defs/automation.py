"""When the pipeline runs: a daily schedule, and a sensor that notices new or changed files in the input folder."""

import dagster as dg

from orchestration import settings
from sources.folders import folder_fingerprint

# Everything, in dependency order (registries and press releases -> extraction -> dbt -> published copy), except
# the day-partitioned National Bank rates, which have their own job, schedule and sensor (rates.py). Transient
# failures (a locked file, a dropped connection) retry the run from the failed step.
full_refresh_job = dg.define_asset_job(
    "full_refresh",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(["raw", "fx_rates_daily"]),
    description="Ingest, extract, build and test the warehouse, then publish the read-only copy.",
    tags={"dagster/max_retries": "2", "dagster/retry_strategy": "FROM_FAILURE"},
)


daily_schedule = dg.ScheduleDefinition(
    name="daily_refresh",
    job=full_refresh_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Almaty",
    description="Every morning: re-read inputs and rebuild what changed.",
)


@dg.sensor(job=full_refresh_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def input_folder_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    """Start a run when files are added to, changed in or removed from the input folder."""
    fingerprint = folder_fingerprint(settings.input_dir())
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason="input folder unchanged", cursor=fingerprint)
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)


def build_defs() -> dg.Definitions:
    return dg.Definitions(jobs=[full_refresh_job], schedules=[daily_schedule], sensors=[input_folder_sensor])
