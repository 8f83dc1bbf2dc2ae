"""Registry tables (KATO, OKED, countries, World Bank annual rates), rewritten only when their rows change."""

from __future__ import annotations

import duckdb
import pandas as pd

from warehouse import state
from warehouse.db import replace_rows, transaction


def frame_digest(frame: pd.DataFrame) -> str:
    return f"{len(frame)}:{int(pd.util.hash_pandas_object(frame, index=False).sum()) & 0xFFFFFFFFFFFF:x}"


def write_registry(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> bool:
    """Replace raw.<table> with `frame` unless it holds these very rows already; returns whether it wrote."""
    digest = frame_digest(frame)
    step = f"registry:{table}"
    if state.get(con, step) == digest:
        return False
    with transaction(con):
        replace_rows(con, f"raw.{table}", frame)
        state.record(con, step, digest)
    return True
