"""The warehouse resource: a run that holds the database open sees every write of its steps, and releases the
file when it ends."""

from __future__ import annotations

import dagster as dg
import duckdb

from orchestration.resources import WarehouseResource


@dg.asset
def writes(warehouse_db: WarehouseResource) -> None:
    with warehouse_db.connect() as con:
        con.execute("create table if not exists main.notes (n integer)")
        con.execute("insert into main.notes values (1)")


@dg.asset(deps=[writes])
def reads(warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    with warehouse_db.connect() as con:
        return dg.MaterializeResult(metadata={"rows": con.execute("select count(*) from main.notes").fetchone()[0]})


def _rows_seen(result: dg.ExecuteInProcessResult) -> int:
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey("reads")]
    return event.materialization.metadata["rows"].value


def test_a_run_holding_the_warehouse_open_sees_its_writes_and_releases_the_file(tmp_path):
    path = tmp_path / "w.duckdb"
    for hold_open, expected in ((True, 1), (False, 2), (True, 3)):
        result = dg.materialize([writes, reads],
                                resources={"warehouse_db": WarehouseResource(path=str(path), hold_open=hold_open)})
        assert result.success and _rows_seen(result) == expected
        # the run is over: the file opens read-only in this process (it would not while a writer held it)
        with duckdb.connect(str(path), read_only=True) as con:
            assert con.execute("select count(*) from main.notes").fetchone()[0] == expected
