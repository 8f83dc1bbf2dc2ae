"""dbt run in the step's process (orchestration/dbt_runner.py) on a small project of its own: models become
materializations, tests become checks, a subset builds only what was selected, and a failing model fails the step
with the model named and dbt's error quoted, after the models that did build are recorded."""

from __future__ import annotations

import textwrap
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject, dbt_assets

from orchestration.dbt_manifest import ensure_manifest
from orchestration.dbt_runner import dbt_events


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dbt_small")
    _write(root / "dbt_project.yml", """
        name: small
        version: "1.0.0"
        config-version: 2
        profile: small
        flags:
          send_anonymous_usage_stats: false
        models:
          small:
            +materialized: table
    """)
    _write(root / "profiles.yml", f"""
        small:
          target: dev
          outputs:
            dev:
              type: duckdb
              path: "{root / 'small.duckdb'}"
              threads: 1
    """)
    _write(root / "models" / "deals.sql", "select 1 as deal_id, 'memorandum' as status union all select 2, 'launch'\n")
    _write(root / "models" / "by_status.sql", "select status, count(*) as n from {{ ref('deals') }} group by 1\n")
    _write(root / "models" / "broken.sql", "select * from {{ ref('deals') }} join no_such_table using (deal_id)\n")
    _write(root / "models" / "schema.yml", """
        version: 2
        models:
          - name: deals
            columns:
              - name: deal_id
                data_tests: [not_null, unique]
    """)
    ensure_manifest(root)
    return root


def _assets(project_dir: Path):
    dbt_project = DbtProject(project_dir=project_dir, profiles_dir=project_dir)
    translator = DagsterDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    @dbt_assets(manifest=project_dir / "target" / "manifest.json", project=dbt_project,
                dagster_dbt_translator=translator)
    def small(context):
        yield from dbt_events(context, dbt_project, ["build"], project_dir / "target" / "run")

    return small


def _materialized(result) -> set[str]:
    return {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}


def test_a_failing_model_fails_the_step_naming_it_after_the_others_are_recorded(project):
    result = dg.materialize([_assets(project)], raise_on_error=False)
    assert not result.success
    assert _materialized(result) == {"deals", "by_status"}
    checks = {(c.asset_key.to_user_string(), c.check_name): c.passed
              for c in (e.event_specific_data for e in result.all_events
                        if e.event_type_value == "ASSET_CHECK_EVALUATION")}
    assert checks == {("deals", "not_null_deals_deal_id"): True, ("deals", "unique_deals_deal_id"): True}
    failure = next(e for e in result.all_events if e.event_type_value == "STEP_FAILURE")
    message = failure.event_specific_data.error.message
    assert "model.small.broken" in message
    assert "no_such_table" in message
    # dbt's DuckDB connection is closed when dbt returns: the file opens read-only in this same process
    with duckdb.connect(str(project / "small.duckdb"), read_only=True) as con:
        assert con.execute("select sum(n) from by_status").fetchone()[0] == 2


def test_a_subset_builds_only_the_selected_models(project):
    assets = _assets(project)
    result = dg.materialize([assets], selection=dg.AssetSelection.assets("deals"), raise_on_error=False)
    assert result.success
    assert _materialized(result) == {"deals"}
