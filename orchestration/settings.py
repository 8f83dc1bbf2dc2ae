"""Where things live: one env var per setting, resolved when a run needs it (not at import time)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

WAREHOUSE_ENV = "INVEST_TRACKER_WAREHOUSE"
INPUT_ENV = "INVEST_TRACKER_INPUT"
# The National Bank rate feed's address: its default is the bank's own; a mirror, a proxy or a test server instead.
NBK_URL_ENV = "INVEST_TRACKER_NBK_URL"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "invest_tracker.duckdb"
DEFAULT_INPUT = REPO_ROOT / "data" / "samples"


def warehouse_path() -> Path:
    """The DuckDB file the pipeline writes ($INVEST_TRACKER_WAREHOUSE, else warehouse/invest_tracker.duckdb)."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE).resolve()


def input_dir() -> Path:
    """The folder of press releases to read ($INVEST_TRACKER_INPUT, else data/samples)."""
    return Path(os.environ.get(INPUT_ENV) or DEFAULT_INPUT).resolve()


def published_path(warehouse: Path) -> Path:
    """The read-only copy for BI tools, beside the warehouse: invest_tracker.published.duckdb."""
    return warehouse.with_name(warehouse.stem + ".published" + warehouse.suffix)
