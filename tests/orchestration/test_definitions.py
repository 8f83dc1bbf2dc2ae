"""The one Definitions loads, validates as a code location, and wires the graph in the right order."""

from __future__ import annotations

import subprocess
import sys

from orchestration import settings


def test_dagster_definitions_validate_passes_on_the_workspace():
    dagster = [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"]
    proc = subprocess.run(dagster, cwd=settings.REPO_ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_graph_runs_sources_then_extraction_then_dbt_then_publishing():
    import dagster as dg

    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw/kato", "raw/oked", "raw/countries", "raw/fx_rates_annual", "raw/press_releases",
            "raw/deal_mentions", "marts/fct_deal_mentions", "marts/fct_deals", "published_warehouse"} <= keys
    upstream = graph.get(dg.AssetKey(["raw", "deal_mentions"])).parent_keys
    assert dg.AssetKey(["raw", "press_releases"]) in upstream
    stg = graph.get(dg.AssetKey(["staging", "stg_raw__deal_mentions"])).parent_keys
    assert stg == {dg.AssetKey(["raw", "deal_mentions"])}
    assert dg.AssetKey(["marts", "fct_deals"]) in graph.get(dg.AssetKey("published_warehouse")).parent_keys


def test_blocking_checks_guard_mentions_and_marts():
    from orchestration.definitions import defs

    checks = {k.to_user_string() for k in defs.resolve_asset_graph().asset_check_keys}
    assert "raw/deal_mentions:deal_mentions_are_valid" in checks
    assert "marts/fct_deals:deals_are_valid" in checks
    assert "marts/fct_deals:unique_fct_deals_deal_id" in checks  # dbt tests surface as checks


def test_marts_carry_a_freshness_policy_and_rates_are_partitioned_by_day():
    import dagster as dg

    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    spec = graph.get(dg.AssetKey(["marts", "fct_deals"])).to_asset_spec()
    assert spec.freshness_policy is not None
    rates = graph.get(dg.AssetKey(["raw", "fx_rates_daily"]))
    assert rates.partitions_def is not None and rates.partitions_def.get_first_partition_key() == "2010-01-01"
    full = defs.resolve_job_def("full_refresh")
    assert full.tags["dagster/max_retries"] == "2"
    assert {s.name for s in defs.schedules} >= {"daily_refresh", "nbk_rates_daily"}
