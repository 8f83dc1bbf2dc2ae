"""When the pipeline runs: a daily schedule, and a sensor that notices new or changed files in the input folder."""


import hashlib
import os
from pathlib import Path

import dagster as dg

from orchestration import settings

# Everything, in dependency order: registries and press releases -> extraction -> dbt -> published copy.
# Everything but the day-partitioned National Bank rates (their own job, schedule and sensor: orchestration/defs/
# rates.py). Transient failures (a locked file, a dropped connection) retry the run from the failed step.
full_refresh_job = dg.define_asset_job(
    "full_refresh",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(["raw", "fx_rates_daily"]),
    description="Ingest, extract, build and test the warehouse, then publish the read-only copy.",
    tags={"dagster/max_retries": "2", "dagster/retry_strategy": "FROM_FAILURE"},
)


def folder_fingerprint(folder: Path) -> str:
    """A digest of every file's relative path, size and modification time under `folder` (cheap: no reads)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(root, name)
                try:
                    stat = path.lstat()
                except OSError:
                    continue
                digest.update(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


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
