"""Run state: when dbt must build everything, and which rows a quality suite validates."""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd
import pytest

import warehouse
from warehouse import state, validation


@pytest.fixture
def con(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as connection:
        yield connection


def test_a_full_dbt_build_is_due_without_one_after_a_day_and_after_the_project_changed(con, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text('{"nodes": 1}')
    now = datetime(2026, 11, 28, 9, 0)
    assert state.full_dbt_build_due(con, manifest, now)
    state.record_full_dbt_build(con, manifest, now)
    assert not state.full_dbt_build_due(con, manifest, now + timedelta(hours=23))
    assert state.full_dbt_build_due(con, manifest, now + timedelta(days=1))
    manifest.write_text('{"nodes": 2}')
    assert state.full_dbt_build_due(con, manifest, now + timedelta(minutes=1))


def test_a_re_parse_that_changes_only_the_manifest_metadata_is_not_a_project_change(con, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text('{"metadata": {"generated_at": "2026-11-28T09:00:00Z"}, "nodes": {"a": 1}}')
    now = datetime(2026, 11, 28, 9, 0)
    state.record_full_dbt_build(con, manifest, now)
    before = state.inputs_fingerprint(con, manifest)
    manifest.write_text('{"nodes": {"a": 1}, "metadata": {"generated_at": "2026-11-28T10:00:00Z"}}')
    assert not state.full_dbt_build_due(con, manifest, now + timedelta(hours=1))
    assert state.inputs_fingerprint(con, manifest) == before
    manifest.write_text('{"nodes": {"a": 2}, "metadata": {"generated_at": "2026-11-28T10:00:00Z"}}')
    assert state.full_dbt_build_due(con, manifest, now + timedelta(hours=1))
    assert state.inputs_fingerprint(con, manifest) != before


def test_a_suite_validates_everything_once_a_day_and_new_rows_in_between(con):
    now = datetime(2026, 11, 28, 9, 0)
    assert validation.mode(con, "press_releases", now) == "full"
    validation.record_passed(con, "press_releases", pd.Series(["a:1", "b:2"]), full=True, now=now)
    assert validation.mode(con, "press_releases", now + timedelta(hours=5)) == "new"
    assert validation.mode(con, "press_releases", now + timedelta(days=1)) == "full"
    validation.record_passed(con, "press_releases", pd.Series(["c:3"]), full=False, now=now)
    con.execute("create table t as select * from (values ('a:1'), ('c:3'), ('d:4')) as v(key)")
    fresh = con.execute(f"select key from t where {validation.unvalidated('press_releases', 'key')}").fetchall()
    assert fresh == [("d:4",)]
    # a full validation replaces the set: rows that are gone are forgotten
    validation.record_passed(con, "press_releases", pd.Series(["d:4"]), full=True, now=now)
    assert con.execute("select key from state.validated_rows").fetchall() == [("d:4",)]
