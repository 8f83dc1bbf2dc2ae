"""The architecture's rules, checked on the source: data flows one way, Dagster stays in orchestration/, asset
modules stay short, transactions are written in warehouse/ only (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PROJECT_PACKAGES = {"sources", "extraction", "resolution", "warehouse", "orchestration", "quality",
                    "invest_tracker_cli"}

# package -> what it may import of the project, and the outside libraries it must not import
ALLOWED = {
    "sources": ({"sources"}, {"dagster", "dagster_dbt", "dagster_duckdb", "duckdb", "dbt"}),
    "extraction": ({"extraction", "sources"}, {"dagster", "dagster_dbt", "dagster_duckdb", "duckdb", "dbt"}),
    "resolution": ({"resolution", "sources"}, {"dagster", "dagster_dbt", "dagster_duckdb", "duckdb", "dbt"}),
    "warehouse": ({"warehouse", "sources", "extraction"}, {"dagster", "dagster_dbt", "dagster_duckdb", "dbt"}),
    "quality": ({"quality", "sources"}, {"dagster", "dagster_dbt", "dagster_duckdb", "duckdb", "dbt"}),
}
MAX_ASSET_MODULE_LINES = 150


def _imports(path: Path) -> set[str]:
    tops = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            tops |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            tops.add(node.module.split(".")[0])
    return tops


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_package_imports_only_what_comes_before_it_in_the_flow(package):
    allowed, forbidden_libraries = ALLOWED[package]
    wrong = []
    for path in sorted((REPO / package).rglob("*.py")):
        tops = _imports(path)
        wrong += [f"{path.relative_to(REPO)} imports {top}" for top in sorted(tops & PROJECT_PACKAGES - allowed)]
        wrong += [f"{path.relative_to(REPO)} imports {top}" for top in sorted(tops & forbidden_libraries)]
    assert not wrong, "\n".join(wrong)


def test_asset_modules_stay_short():
    long = [f"{p.relative_to(REPO)}: {n} lines" for p in sorted((REPO / "orchestration" / "defs").glob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_ASSET_MODULE_LINES]
    assert not long, "\n".join(long)


def test_transactions_are_written_in_the_warehouse_package_only():
    written = [str(p.relative_to(REPO)) for package in PROJECT_PACKAGES - {"warehouse"}
               for p in sorted((REPO / package).rglob("*.py"))
               if "begin transaction" in p.read_text(encoding="utf-8").lower()]
    assert not written, written
