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


def test_a_column_that_is_mostly_empty_keeps_its_rare_values():
    # DuckDB reads the type of a pandas object column from a sample of its rows: a list column whose few non-empty
    # lists all fall between the sampled rows was read as a list of NULL, and the insert failed ("Unimplemented
    # type for cast (BIGINT -> NULL)", raw.announced_totals of a 50k-article run)
    con = duckdb.connect()
    con.execute("create schema raw; create table raw.t (k integer, starts bigint[], jobs bigint)")
    rows = 20_000
    rare = {7: ([12, 40], 120), 13_333: ([5], 45)}
    frame = pd.DataFrame({"k": range(rows),
                          "starts": [rare.get(i, ([], None))[0] for i in range(rows)],
                          "jobs": [rare.get(i, ([], None))[1] for i in range(rows)]}, dtype=object)
    assert insert_frame(con, "raw.t", frame) == rows
    got = con.execute("select k, starts, jobs from raw.t where len(starts) > 0 order by k").fetchall()
    assert got == [(k, starts, jobs) for k, (starts, jobs) in sorted(rare.items())]
