"""The private APIs of dagster-dbt and dbt-duckdb that orchestration/adapters.py wraps are still where it expects
them: an upgrade that moves or renames one fails here, naming it, instead of deep inside a run."""

from __future__ import annotations

import importlib
import inspect

import pytest

PRIVATE_NAMES = [
    ("dagster_dbt.asset_utils", "get_manifest_and_translator_from_dbt_assets"),
    ("dagster_dbt.asset_utils", "get_subset_selection_for_context"),
    ("dagster_dbt.asset_utils", "DAGSTER_DBT_SELECT_METADATA_KEY"),
    ("dagster_dbt.asset_utils", "DAGSTER_DBT_EXCLUDE_METADATA_KEY"),
    ("dagster_dbt.asset_utils", "DAGSTER_DBT_SELECTOR_METADATA_KEY"),
    ("dagster_dbt.asset_utils", "DBT_INDIRECT_SELECTION_ENV"),
    ("dagster_dbt.core.dbt_cli_event", "DbtCoreCliEventMessage"),
    ("dbt_common.events.functions", "msg_to_dict"),
    ("dbt.adapters.duckdb.connections", "DuckDBConnectionManager"),
]


@pytest.mark.parametrize(("module", "name"), PRIVATE_NAMES)
def test_each_private_name_the_adapter_uses_exists(module, name):
    assert hasattr(importlib.import_module(module), name), f"{module}.{name} is gone: update orchestration/adapters.py"


def test_the_signatures_the_adapter_calls_with_keywords_are_unchanged():
    from dagster_dbt.asset_utils import get_subset_selection_for_context
    from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage

    selection = set(inspect.signature(get_subset_selection_for_context).parameters)
    assert {"context", "manifest", "select", "exclude", "selector", "dagster_dbt_translator",
            "current_dbt_indirect_selection_env"} <= selection
    events = set(inspect.signature(DbtCoreCliEventMessage.to_default_asset_events).parameters)
    assert {"manifest", "dagster_dbt_translator", "context", "target_path", "project"} <= events
    assert {"raw_event", "event_history_metadata"} <= set(inspect.signature(DbtCoreCliEventMessage).parameters)


def test_dbt_duckdb_still_caches_its_environment_in_class_attributes():
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    assert hasattr(DuckDBConnectionManager, "_LOCK") and hasattr(DuckDBConnectionManager, "_ENV"), (
        "dbt-duckdb no longer keeps its connection in DuckDBConnectionManager._ENV: "
        "update orchestration/adapters.close_dbt_duckdb")
    from orchestration.adapters import close_dbt_duckdb

    close_dbt_duckdb()  # nothing open: a no-op that must not raise
    assert DuckDBConnectionManager._ENV is None
