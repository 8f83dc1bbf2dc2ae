"""The transaction helper and frame inserts: a failed insert reports its own error and leaves nothing behind."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from warehouse.db import insert_frame, transaction


def test_a_failed_insert_in_a_transaction_raises_its_own_error_and_rolls_back():
    con = duckdb.connect()
    con.execute("create schema raw; create table raw.t (k integer primary key, v varchar)")
    insert_frame(con, "raw.t", pd.DataFrame({"k": [1], "v": ["a"]}))
    # the second insert breaks the key: the caller sees that error, not DuckDB's "transaction is aborted" from
    # the clean-up, and the first insert of the block is rolled back with it
    with pytest.raises(duckdb.ConstraintException, match="Duplicate key"):
        with transaction(con):
            insert_frame(con, "raw.t", pd.DataFrame({"k": [2], "v": ["b"]}))
            insert_frame(con, "raw.t", pd.DataFrame({"k": [1], "v": ["c"]}))
    assert con.execute("select k, v from raw.t order by k").fetchall() == [(1, "a")]
    insert_frame(con, "raw.t", pd.DataFrame({"k": [3], "v": ["d"]}))
    assert con.execute("select count(*) from raw.t").fetchone()[0] == 2


def test_a_value_that_does_not_fit_its_column_names_the_conversion():
    con = duckdb.connect()
    con.execute("create schema raw; create table raw.t (k integer)")
    with pytest.raises(duckdb.ConversionException):
        with transaction(con):
            insert_frame(con, "raw.t", pd.DataFrame({"k": [10**12]}))
    assert con.execute("select count(*) from raw.t").fetchone()[0] == 0
