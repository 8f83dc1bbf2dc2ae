"""Connections, the one transaction helper, and set-based reads and writes (never row by row)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.schema import ensure_schema


@contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (for writing: creating the file, the schemas and the tables that are missing)."""
    con = duckdb.connect(str(path), read_only=True) if read_only else open_for_run(path)
    try:
        yield con
    finally:
        con.close()


def open_for_run(path: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection, the file, schemas and missing tables created (the caller closes it); also the one
    to hold open for a whole run. While one connection is open DuckDB keeps
    the database loaded, so the run's many short `connect()`s each take about a millisecond instead of the 20-30
    ms of loading its catalog again (a run opens about forty)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    ensure_schema(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Everything inside commits together or not at all (the exception is re-raised after the rollback)."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


_DEFAULT_ANALYZE_SAMPLE = 1000


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[str]:
    """`frame` visible to SQL as `name` for the duration of the block."""
    con.register(name, frame)
    try:
        yield name
    except BaseException:
        # a failed statement aborts the transaction, and DuckDB refuses even the unregister until the rollback:
        # the statement's own error is the one to report (a later `register` of the name replaces the frame)
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)
        raise
    con.unregister(name)


def insert_frame(
    con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, on_conflict: str | None = None
) -> int:
    """Insert a DataFrame into `table` ("raw.x" or "state.x") by column name; `on_conflict`: e.g. "do nothing"."""
    if frame.empty:
        return 0
    # DuckDB types a pandas object column from a sample of its rows (1,000 by default): a column whose rare values
    # all fall between the sampled rows (a list column of mostly empty lists) is typed NULL and its values then
    # fail to load. Every row is looked at instead.
    con.execute(f"set pandas_analyze_sample = {max(len(frame), _DEFAULT_ANALYZE_SAMPLE)}")
    with registered(con, "_incoming", frame):
        columns = ", ".join(f'"{c}"' for c in frame.columns)
        conflict = f" on conflict {on_conflict}" if on_conflict else ""
        con.execute(f"insert into {table} ({columns}) select {columns} from _incoming{conflict}")
    return len(frame)


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Replace the whole content of `table` with `frame` (call inside a transaction)."""
    con.execute(f"delete from {table}")
    return insert_frame(con, table, frame)


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[dict]:
    """Rows as dicts of plain Python values: a SQL null is None (never a NaN or NaT on its way to Python code)."""
    cursor = con.execute(sql, params) if params is not None else con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def table_counts(con: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in tables}
