"""Run the whole asset graph in-process and summarise the warehouse it built."""

from __future__ import annotations

import gc
import logging
import resource
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.dbt_manifest import ensure_manifest
from warehouse.articles import current_article_count


@dataclass
class RunOutcome:
    success: bool
    failure: str = ""


PROGRESS_PREFIX = "progress: "  # user log lines with this prefix are shown in the terminal step log
# Dagster warns that dbt's checks gave no result when dbt was not started because nothing changed, or when a run
# left the staging and intermediate tests to the daily full build (orchestration/defs/transform.py).
_EXPECTED_WHEN_DBT_SKIPS = "Blocking asset check"


class _ExpectedSkips(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_EXPECTED_WHEN_DBT_SKIPS)


# the execution plan logs these through its module logger, outside the run's own loggers
logging.getLogger("dagster._core.execution.plan.active").addFilter(_ExpectedSkips())


class _StepLogHandler(logging.Handler):
    """One line per step start/finish and per warning: a readable step log instead of Dagster's event dump."""

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        if event is not None:
            kind = event.event_type_value
            if kind == "STEP_START":
                print(f"  … {step}", file=sys.stderr, flush=True)
            elif kind == "STEP_SUCCESS":
                seconds = getattr(event.event_specific_data, "duration_ms", 0) / 1000
                peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"  ✓ {step} ({seconds:.1f}s, peak {peak_mb:,.0f} MB)", file=sys.stderr, flush=True)
            elif kind == "STEP_FAILURE":
                print(f"  ✗ {step} failed", file=sys.stderr, flush=True)
            elif kind == "ASSET_CHECK_EVALUATION":
                data = event.event_specific_data
                if not data.passed:
                    why = data.description or ""
                    print(f"  ! check {data.check_name} on {data.asset_key.to_user_string()} failed: {why}",
                          file=sys.stderr, flush=True)
        else:
            message = meta.get("orig_message") or record.getMessage()
            if message.startswith(PROGRESS_PREFIX):
                print(f"    {message[len(PROGRESS_PREFIX):]}", file=sys.stderr, flush=True)
            elif record.levelno >= logging.WARNING and not message.startswith(_EXPECTED_WHEN_DBT_SKIPS):
                print(f"  ! {message}", file=sys.stderr, flush=True)


def _failure_message(result) -> str:
    for event in result.all_events:
        if event.event_type_value == "STEP_FAILURE":
            error = event.event_specific_data.error
            message = error.message.strip() if error else "unknown error"
            if error and error.cause:
                message += f" (cause: {error.cause.message.strip()})"
            return f"step {event.step_key} failed: {message}"
    return "the run failed"


def run_config(input_dir: Path | None, warehouse: Path | None) -> dict:
    """The run's configuration: the input folder and the warehouse file as resource config (what the Launchpad
    would set), so the settings travel with the run instead of through the process environment."""
    # one run, nothing else writing: the warehouse stays open for the run (orchestration/resources.py)
    resources: dict = {"warehouse_db": {"config": {"hold_open": True}}}
    if warehouse is not None:
        resources["warehouse_db"]["config"]["path"] = str(warehouse)
    if input_dir is not None:
        resources["input_folder"] = {"config": {"path": str(input_dir)}}
    return {"resources": resources}


def run_pipeline(input_dir: Path | None = None, warehouse: Path | None = None, verbose: bool = True) -> RunOutcome:
    """Materialize every asset and check of the one Definitions, in this process; `input_dir` and `warehouse`
    default to the settings (orchestration/settings.py)."""
    from quality import runner

    # The GX worker imports great_expectations on the other core while this process imports dagster and dbt;
    # the run's resource finds it started (and stops it when the run ends).
    runner.start_worker()
    try:
        return _run(run_config(input_dir, warehouse), verbose)
    finally:
        runner.stop_worker()


def _run(config: dict, verbose: bool) -> RunOutcome:
    ensure_manifest()
    gc.disable()  # no collection passes over the objects the imports create (they live until the process ends)
    import dagster as dg

    from orchestration.definitions import defs

    # Everything imported so far (dagster, dbt, pandas: millions of objects) lives until the process ends: keep it
    # out of the garbage collector's full passes, which would otherwise walk it again and again during the run.
    gc.freeze()
    gc.enable()

    @dg.logger
    def step_logger(_init_context) -> logging.Logger:
        log = logging.getLogger("invest_tracker.steps")
        log.setLevel(logging.DEBUG)  # step start/success events are logged at DEBUG
        log.handlers = [_StepLogHandler()] if verbose else []
        log.propagate = False
        return log

    job = defs.resolve_job_def("full_refresh").with_logger_defs({"steps": step_logger})
    if verbose:
        print("invest-tracker: running the asset graph", file=sys.stderr, flush=True)
    result = job.execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), raise_on_error=False, run_config={**config, "loggers": {"steps": {}}}
    )
    if not result.success:
        return RunOutcome(False, _failure_message(result))
    return RunOutcome(True)


def _top(con: duckdb.DuckDBPyConnection, table: str, key: str, label: str, limit: int = 5) -> list[tuple]:
    return con.execute(
        f"""
        select coalesce({label}, {key}), deal_count, committed_usd, memorandum_usd
        from marts.{table}
        order by committed_usd + memorandum_usd desc, deal_count desc
        limit {limit}
        """
    ).fetchall()


def summarize(warehouse: Path, seconds: float) -> str:
    """Articles read, mentions, quarantined files, and the top sectors, districts and countries by amount."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        articles = current_article_count(con)
        mentions = con.execute("select count(*) from marts.fct_deal_mentions").fetchone()[0]
        deals = con.execute("select count(*) from marts.fct_deals").fetchone()[0]
        totals = con.execute("select count(*) from marts.fct_announced_totals").fetchone()[0]
        rejected = con.execute(
            "select file, reason, message from raw.rejected_inputs where is_current order by file"
        ).fetchall()
        lines = [
            f"\nwarehouse   {warehouse}",
            f"published   {warehouse.with_name(warehouse.stem + '.published' + warehouse.suffix)}",
            f"articles    {articles} read",
            f"mentions    {mentions} deal mentions -> {deals} deals; {totals} totals/targets kept apart",
            f"quarantine  {len(rejected)} inputs",
        ]
        lines += [f"            - {file}: {reason}" for file, reason, _ in rejected[:20]]
        if len(rejected) > 20:
            lines.append(f"            ... and {len(rejected) - 20} more (select * from marts.fct_quarantine)")
        for title, table, key, label in [
            ("sectors", "mart_investment_by_sector", "oked_division", "oked_division || ' ' || division_name_ru"),
            ("districts", "mart_investment_by_district", "district_kato", "district_name_ru"),
            ("countries", "mart_investment_by_country", "partner_country", "country_name_en"),
        ]:
            lines.append(f"top {title} (USD: committed | memoranda, deals)")
            for name, count, committed, memo in _top(con, table, key, label):
                lines.append(
                    f"            {str(name)[:48]:<48} {committed / 1e6:>10,.1f}M | {memo / 1e6:>9,.1f}M  {count}"
                )
        lines.append(f"done in {seconds:.1f}s")
        return "\n".join(lines)
    finally:
        con.close()
