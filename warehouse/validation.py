"""Which rows a quality suite validates: the rows added since it last passed, and every row once a day.

A row that passed a suite does not change (rows are keyed by their content digest), so validating it again on
every run only costs time: a run with 100 new articles validates those 100. Rules that look at the whole table
rather than at one row (uniqueness, "at most 1 % without a language") are checked on the whole table by the
periodic full validation, and uniqueness also by dbt's tests on every build.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import duckdb
import pandas as pd

from warehouse import state
from warehouse.db import insert_frame, transaction

FULL_VALIDATION_EVERY = timedelta(days=1)


def _step(suite: str) -> str:
    return f"full_validation:{suite}"


def mode(con: duckdb.DuckDBPyConnection, suite: str, now: datetime | None = None) -> str:
    """'full' when the suite has not validated the whole table within FULL_VALIDATION_EVERY, else 'new'."""
    last = state.get(con, _step(suite))
    now = now or datetime.now()
    if last is None or now - datetime.fromisoformat(last) >= FULL_VALIDATION_EVERY:
        return "full"
    return "new"


def unvalidated(suite: str, key_sql: str) -> str:
    """A SQL condition: the row (whose key is `key_sql`) has not passed `suite` yet."""
    return (f"not exists (select 1 from state.validated_rows as v "
            f"where v.suite = '{suite}' and v.key = {key_sql})")


def record_passed(con: duckdb.DuckDBPyConnection, suite: str, keys: pd.Series, full: bool,
                  now: datetime | None = None) -> None:
    """Remember the rows that passed; a full validation replaces the suite's set and its date."""
    frame = pd.DataFrame({"suite": suite, "key": keys.astype(str)}).drop_duplicates()
    with transaction(con):
        if full:
            con.execute("delete from state.validated_rows where suite = ?", [suite])
            state.record(con, _step(suite), (now or datetime.now()).isoformat())
        insert_frame(con, "state.validated_rows", frame, on_conflict="do nothing")
