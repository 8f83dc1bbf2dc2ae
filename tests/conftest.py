"""Shared test set-up: dbt's manifest is prepared once, before any module imports the dbt assets."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    from orchestration.dbt_manifest import ensure_manifest

    ensure_manifest()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo (dev corpus, reference files); tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED


def _run_pipeline_into(inputs: Path, warehouse: Path) -> None:
    from invest_tracker_cli.pipeline import run_pipeline

    outcome = run_pipeline(input_dir=inputs, warehouse=warehouse, verbose=False)
    assert outcome.success, outcome.failure


@pytest.fixture(scope="session")
def run_pipeline_into():
    """Materialize the whole graph in-process on an input folder into a warehouse (given as the run's config)."""
    return _run_pipeline_into


@pytest.fixture(scope="session")
def fuzz_inputs():
    """tests/fuzz_inputs.py (random input folders), loaded by path: the tests are not a package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_inputs", Path(__file__).with_name("fuzz_inputs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
