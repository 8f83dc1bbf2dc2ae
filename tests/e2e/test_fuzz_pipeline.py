"""The whole pipeline fuzzed: random folders of good and bad inputs never fail a run, every input is accounted
for (an article or a quarantined record with a reason), and re-runs change no row count and no deal id."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invest_tracker_cli.main import main as cli
from sources.models import REJECTION_REASONS

pytestmark = pytest.mark.e2e

# INVEST_TRACKER_PIPELINE_FUZZ_EXAMPLES=50 for a longer session; each example is three pipeline runs.
EXAMPLES = int(os.environ.get("INVEST_TRACKER_PIPELINE_FUZZ_EXAMPLES", "3"))


def _run(inputs: Path, warehouse: Path) -> None:
    code = cli(["run", "--input", str(inputs), "--warehouse", str(warehouse), "--quiet"])
    assert code == 0, "invest-tracker run failed"


def _state(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("raw.press_releases", "raw.rejected_inputs", "raw.deal_mentions", "marts.fct_deals",
                            "marts.fct_deal_mentions", "marts.fct_quarantine")}
        deal_ids = con.execute("select mention_id, deal_id from marts.fct_deal_mentions order by 1").fetchall()
        articles = {r[0] for r in con.execute("select file_name from raw.press_releases where is_present").fetchall()}
        rejected = con.execute(
            "select file, item, reason, message from raw.rejected_inputs where is_current").fetchall()
        duplicated = con.execute(
            "select count(*) from (select article_id from raw.press_releases where is_current group by 1 "
            "having count(*) > 1)").fetchone()[0]
        return {"counts": counts, "deal_ids": deal_ids, "articles": articles, "rejected": rejected,
                "duplicated_current": duplicated}
    finally:
        con.close()


def _check_every_input_accounted_for(names: list[str], state: dict) -> None:
    accounted = set(state["articles"])
    for file, item, reason, message in state["rejected"]:
        assert reason in REJECTION_REASONS, (file, reason)
        assert message and (file.split("#", 1)[0] in message or file in message), (file, message)
        accounted.add(file[: -len(item) - 1] if item is not None else file)
    assert accounted == set(names), set(names) ^ accounted
    assert state["duplicated_current"] == 0


def _run_three_times(inputs: Path, warehouse: Path, names: list[str]) -> None:
    states = []
    for _ in range(3):
        _run(inputs, warehouse)
        states.append(_state(warehouse))
    _check_every_input_accounted_for(names, states[0])
    for later in states[1:]:
        assert later["counts"] == states[0]["counts"]
        assert later["deal_ids"] == states[0]["deal_ids"]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), n_files=st.integers(1, 40))
def test_random_folders_never_fail_a_run_and_reruns_change_nothing(seed, n_files, fuzz_inputs):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "input"
        inputs.mkdir()
        names = fuzz_inputs.build_folder(random.Random(seed), inputs, n_files)
        _run_three_times(inputs, Path(tmp) / "w.duckdb", names)


def test_a_seeded_corpus_of_a_thousand_inputs_in_one_run(tmp_path, fuzz_inputs):
    inputs = tmp_path / "input"
    inputs.mkdir()
    names = fuzz_inputs.build_folder(random.Random(20261128), inputs, 1000)
    assert len(names) >= 1000
    warehouse = tmp_path / "w.duckdb"
    _run(inputs, warehouse)
    first = _state(warehouse)
    _check_every_input_accounted_for(names, first)
    assert first["counts"]["marts.fct_deals"] > 100
    _run(inputs, warehouse)
    second = _state(warehouse)
    assert (second["counts"], second["deal_ids"]) == (first["counts"], first["deal_ids"])
