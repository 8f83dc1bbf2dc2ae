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
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtProject

from orchestration import adapters

_RESULT_EVENTS = frozenset({"LogSeedResult", "LogModelResult", "LogSnapshotResult", "LogTestResult"})
_MAX_ERRORS_SHOWN = 5


class DbtBuildFailed(dg.Failure):
    """dbt returned errors: the message names the failing nodes and quotes dbt's own error text."""


@contextlib.contextmanager
def _scoped_env(values: Mapping[str, str]) -> Iterator[None]:
    """Environment variables set for the duration of the block, then restored (dbt's profiles read them)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def dbt_events(
    context: dg.AssetExecutionContext, project: DbtProject, args: Sequence[str], target_path: Path,
    env: Mapping[str, str] | None = None,
) -> Iterator[dg.Output | dg.AssetCheckResult | dg.AssetObservation | dg.AssetMaterialization]:
    """Run `dbt <args>` for the assets and checks selected in `context`; yield their Dagster events.
    `env`: environment variables dbt reads (profiles.yml's warehouse path), set for this invocation only.

    Raises DbtBuildFailed after yielding the results of every node that did finish, so models that were built
    are recorded as materialized and failing tests as failed checks.
    """
    from dbt.cli.main import dbtRunner

    selection, indirect, manifest, translator = adapters.dbt_subset_selection(context)
    results: list[dict] = []
    errors: list[str] = []

    def on_event(msg) -> None:
        name = msg.info.name
        if name in _RESULT_EVENTS:
            results.append(adapters.dbt_event_to_dict(msg))
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
        with contextlib.chdir(project_dir), _scoped_env(env or {}):
            outcome = dbtRunner(callbacks=[on_event]).invoke(cli_args)
    finally:
        adapters.close_dbt_duckdb()
    seconds = time.perf_counter() - started

    for raw in results:
        yield from adapters.dagster_events_from_dbt(raw, context=context, manifest=manifest, translator=translator,
                                                    target_path=target_path, project=project)
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
