"""The GX worker process: the same reports as validating in-process, errors carried back, a dead worker replaced
by in-process validation, and no second run of the caller's script."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from quality import runner, suites
from quality.runner import Expectation, validate_frame, validate_here

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker():
    runner.start_worker()
    yield runner._worker
    runner.stop_worker()


def test_the_worker_gives_the_report_validating_here_gives(worker):
    frame = pd.DataFrame({"total_id": ["ok", "over"], "total_with_margin": [100.5, 50.25], "parts_sum": [100.0, 60.0]})
    remote = validate_frame("umbrella", frame, suites.umbrella_suite())
    local = validate_here("umbrella", frame, suites.umbrella_suite())
    assert remote == local
    assert not remote.success and remote.failures[0].unexpected_count == 1
    passing = validate_frame("stages", pd.DataFrame({"stage_order_ok": [True, True]}), suites.stage_suite())
    assert passing.success and passing.rows == 2


def test_an_error_inside_the_worker_is_raised_here_with_its_traceback(worker):
    with pytest.raises(RuntimeError, match="validating broken failed in the GX worker") as raised:
        validate_frame("broken", pd.DataFrame({"x": [1]}), [Expectation("ExpectNoSuchThing", {"column": "x"})])
    assert "ExpectNoSuchThing" in str(raised.value)
    # the worker is still there for the next suite
    assert validate_frame("stages", pd.DataFrame({"stage_order_ok": [True]}), suites.stage_suite()).success


def test_a_dead_worker_is_replaced_by_validation_in_this_process(worker, caplog):
    worker.process.kill()
    worker.process.wait()
    with caplog.at_level(logging.WARNING, logger="quality.runner"):
        report = validate_frame("stages", pd.DataFrame({"stage_order_ok": [True, False]}), suites.stage_suite())
    assert not report.success
    assert "validating in this process instead" in caplog.text
    assert runner._worker is None


def test_a_script_without_a_main_guard_is_not_run_again_by_the_worker(tmp_path):
    marker = tmp_path / "runs.txt"
    script = tmp_path / "no_guard.py"
    script.write_text(
        "import pandas as pd\n"
        "from quality import runner, suites\n"
        f"open({str(marker)!r}, 'a').write('ran\\n')\n"
        "runner.start_worker()\n"
        "report = runner.validate_frame('s', pd.DataFrame({'stage_order_ok': [True]}), suites.stage_suite())\n"
        "runner.stop_worker()\n"
        "print('success' if report.success else 'failure')\n",
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "success"
    assert marker.read_text().splitlines() == ["ran"]
