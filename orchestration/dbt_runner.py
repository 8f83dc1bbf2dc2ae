"""dbt run inside the Dagster step's own process, its results turned into Dagster events by dagster-dbt.

`DbtCliResource.cli()` starts `dbt --version` and then dbt itself as subprocesses, builds an adapter handle it
does not need here, and streams dbt's JSON log through a pipe: about 4 s of fixed cost per run (a third of a
run with 100 new articles, docs/benchmarks.md). `dbtRunner` is dbt's supported programmatic entry point
(https://docs.getdbt.com/reference/programmatic-invocations); its result events are the same ones the CLI
writes as JSON lines, so dagster-dbt's own `DbtCoreCliEventMessage` turns them into `Output` and
`AssetCheckResult` exactly as `DbtCliResource.stream()` would: same asset keys, checks and metadata.
The subset selection (a run of a few dbt assets from the UI) is computed by dagster-dbt as well.

dbtRunner is not thread-safe; the Dagster steps that call it run one at a time (in-process executor and the
"warehouse" pool), which is also what DuckDB's single writer requires.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtProject

_RESULT_EVENTS = frozenset({"LogSeedResult", "LogModelResult", "LogSnapshotResult", "LogTestResult"})
_MAX_ERRORS_SHOWN = 5


class DbtBuildFailed(dg.Failure):
    """dbt returned errors: the message names the failing nodes and quotes dbt's own error text."""


def _selection_args(context: dg.AssetExecutionContext) -> tuple[list[str], str | None, dict, object]:
    from dagster_dbt.asset_utils import (
        DAGSTER_DBT_EXCLUDE_METADATA_KEY,
        DAGSTER_DBT_SELECT_METADATA_KEY,
        DAGSTER_DBT_SELECTOR_METADATA_KEY,
        DBT_INDIRECT_SELECTION_ENV,
        get_manifest_and_translator_from_dbt_assets,
        get_subset_selection_for_context,
    )

    manifest, translator, _ = get_manifest_and_translator_from_dbt_assets([context.assets_def])
    tags = context.op_execution_context.op.tags
    selection, indirect = get_subset_selection_for_context(
        context=context,
        manifest=manifest,
        select=tags.get(DAGSTER_DBT_SELECT_METADATA_KEY),
        exclude=tags.get(DAGSTER_DBT_EXCLUDE_METADATA_KEY),
        selector=tags.get(DAGSTER_DBT_SELECTOR_METADATA_KEY),
        dagster_dbt_translator=translator,
        current_dbt_indirect_selection_env=os.getenv(DBT_INDIRECT_SELECTION_ENV),
    )
    return list(selection), indirect, manifest, translator


def _close_dbt_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB connection in a class attribute after dbt returns; close it, so the next
    step (and the CLI summary, read-only) can open the file with another configuration, and the published
    copy is taken from a closed, checkpointed file."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if environment is not None:
            environment.close()


def dbt_events(
    context: dg.AssetExecutionContext, project: DbtProject, args: Sequence[str], target_path: Path
) -> Iterator[dg.Output | dg.AssetCheckResult | dg.AssetObservation | dg.AssetMaterialization]:
    """Run `dbt <args>` for the assets and checks selected in `context`; yield their Dagster events.

    Raises DbtBuildFailed after yielding the results of every node that did finish, so models that were built
    are recorded as materialized and failing tests as failed checks.
    """
    from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage
    from dbt.cli.main import dbtRunner
    from dbt_common.events.functions import msg_to_dict

    selection, indirect, manifest, translator = _selection_args(context)
    results: list[dict] = []
    errors: list[str] = []

    def on_event(msg) -> None:
        name = msg.info.name
        if name in _RESULT_EVENTS:
            results.append(msg_to_dict(msg))
        elif msg.info.level == "error" and msg.info.msg:
            errors.append(msg.info.msg)

    project_dir = Path(project.project_dir).resolve()
    target_path = target_path.resolve()
    cli_args = [
        *args,
        *selection,
        *(["--indirect-selection", indirect] if indirect else []),
        "--project-dir", str(project_dir),
        "--profiles-dir", str(Path(project.profiles_dir or project_dir).resolve()),
        "--target-path", str(target_path),
        "--log-path", str(target_path),
        "--quiet",  # errors still reach stdout; results become Dagster events
    ]
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    started = time.perf_counter()
    # relative paths in profiles.yml are relative to the project folder, as when dbt runs from its CLI
    try:
        with contextlib.chdir(project_dir):
            outcome = dbtRunner(callbacks=[on_event]).invoke(cli_args)
    finally:
        _close_dbt_duckdb()
    seconds = time.perf_counter() - started

    for raw in results:
        event = DbtCoreCliEventMessage(raw_event=raw, event_history_metadata={})
        yield from event.to_default_asset_events(
            manifest=manifest, dagster_dbt_translator=translator, context=context, target_path=target_path,
            project=project,
        )
    statuses: dict[str, int] = {}
    for raw in results:
        status = str(raw["data"].get("status") or raw["data"].get("node_info", {}).get("node_status") or "?").lower()
        statuses[status] = statuses.get(status, 0) + 1
    summary = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
    context.log.info(f"progress: dbt {args[0]}: {len(results)} nodes ({summary}) in {seconds:.1f}s")

    if not outcome.success:
        if isinstance(outcome.exception, BaseException) and not isinstance(outcome.exception, Exception):
            # dbtRunner returns what interrupted it (the run was terminated from the UI, Ctrl-C): let it stop the step
            raise outcome.exception
        failed = [
            f"{raw['data']['node_info']['unique_id']} ({raw['data'].get('status')})"
            for raw in results
            if str(raw["data"].get("status")).lower() in {"error", "fail", "runtime error"}
        ]
        detail = "\n".join(errors[:_MAX_ERRORS_SHOWN]) or (str(outcome.exception) if outcome.exception else "")
        raise DbtBuildFailed(
            description=(
                f"dbt {' '.join(args)} failed"
                + (f" on {', '.join(failed)}" if failed else "")
                + (f":\n{detail}" if detail else "")
                + f"\n(dbt log: {target_path / 'dbt.log'})"
            ),
            metadata={"failed_nodes": failed, "dbt_errors": errors[:_MAX_ERRORS_SHOWN]},
        )
