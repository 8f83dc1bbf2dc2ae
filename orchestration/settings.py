"""Every setting of invest-tracker in one place, each read when a run needs it (never at import time).

A setting comes from the run's configuration when one is given (the CLI's options, the Launchpad in the UI),
else from its environment variable, else from its default. Resources with an empty field fall back to these
functions when a step asks for the value.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

WAREHOUSE_ENV = "INVEST_TRACKER_WAREHOUSE"
INPUT_ENV = "INVEST_TRACKER_INPUT"
FEEDS_ENV = "INVEST_TRACKER_FEEDS"
# The National Bank rate feed's address: its default is the bank's own; a mirror, a proxy or a test server instead.
NBK_URL_ENV = "INVEST_TRACKER_NBK_URL"

DEFAULT_WAREHOUSE = REPO_ROOT / "var" / "invest_tracker.duckdb"
DEFAULT_INPUT = REPO_ROOT / "data" / "samples"
DEFAULT_FEEDS_CONFIG = REPO_ROOT / "config" / "feeds.yaml"
CORRECTIONS_FILE = DBT_PROJECT_DIR / "seeds" / "corrections.csv"


def _from_env(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default).resolve()


def warehouse_path() -> Path:
    """The DuckDB file the pipeline writes ($INVEST_TRACKER_WAREHOUSE, else var/invest_tracker.duckdb)."""
    return _from_env(WAREHOUSE_ENV, DEFAULT_WAREHOUSE)


def input_dir() -> Path:
    """The folder of press releases to read ($INVEST_TRACKER_INPUT, else data/samples)."""
    return _from_env(INPUT_ENV, DEFAULT_INPUT)


def feeds_config_path() -> Path:
    """The feed list ($INVEST_TRACKER_FEEDS, else config/feeds.yaml)."""
    return _from_env(FEEDS_ENV, DEFAULT_FEEDS_CONFIG)


def nbk_rates_url() -> str:
    """The National Bank rate feed ($INVEST_TRACKER_NBK_URL, else the bank's own address)."""
    from sources.nbk_rates import NBK_RATES_URL

    return os.environ.get(NBK_URL_ENV) or NBK_RATES_URL


def corrections_file() -> Path:
    """Analysts' corrections: the seed dbt loads, which resolution reads directly (it runs before dbt)."""
    return CORRECTIONS_FILE


def published_path(warehouse: Path) -> Path:
    """The read-only copy for BI tools, beside the warehouse: invest_tracker.published.duckdb."""
    from warehouse.publish import published_path as beside

    return beside(warehouse)
