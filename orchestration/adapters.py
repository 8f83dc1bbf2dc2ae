"""Every private API of dagster-dbt and dbt-duckdb that invest-tracker uses, in one place.

Running dbt in the step's process (orchestration/dbt_runner.py) needs three things no public API offers:
- dagster-dbt's subset selection (which dbt nodes a run of some of the dbt assets selects): `asset_utils`;
- dagster-dbt's conversion of dbt's result events into Dagster events (`DbtCoreCliEventMessage`), which
  `DbtCliResource.cli()` uses on the JSON log of a dbt subprocess;
- closing the DuckDB connection dbt-duckdb keeps in a class attribute after dbt returns.
Replacing them with the public `DbtCliResource.cli()` costs about 4 s per run (a dbt subprocess, `dbt --version`,
reading the JSON log back; docs/benchmarks.md), so they stay, isolated here. tests/orchestration/test_adapters.py
fails on an upgrade that moves or renames any of them, naming what moved. Dagster's own DuckDB resource
(dagster-duckdb) is not used: the warehouse package opens DuckDB itself.
"""

from __future__ import annotations

import os

import dagster as dg


def dbt_subset_selection(context: dg.AssetExecutionContext) -> tuple[list[str], str | None, dict, object]:
    """(dbt selection args, indirect-selection mode, manifest, translator) for the assets this run selected."""
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


def dagster_events_from_dbt(raw_event: dict, *, context, manifest, translator, target_path, project):
    """The Dagster events (Output, AssetCheckResult, ...) of one dbt result event, as dagster-dbt makes them."""
    from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage

    event = DbtCoreCliEventMessage(raw_event=raw_event, event_history_metadata={})
    return event.to_default_asset_events(
        manifest=manifest, dagster_dbt_translator=translator, context=context, target_path=target_path,
        project=project,
    )


def dbt_event_to_dict(message) -> dict:
    """A dbt event message as the dict dbt writes to its JSON log."""
    from dbt_common.events.functions import msg_to_dict

    return msg_to_dict(message)


def close_dbt_duckdb() -> None:
    """dbt-duckdb keeps its DuckDB connection in a class attribute after dbt returns; close it, so the next
    step (and the CLI summary, read-only) can open the file with another configuration, and the published
    copy is taken from a closed, checkpointed file."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if environment is not None:
            environment.close()
