"""Run state: the fingerprint each step last ran on, and the digest of everything dbt reads.

Every "skip when unchanged" decision reads and writes here, in `state.steps`, and nothing flows backwards: a step
records what it consumed or produced; a later step compares that with what it is about to consume.

- `registry:<table>`: the registry rows last written (unchanged files are not written again);
- `mention_resolution`: the digests of the resolution's inputs and output (orchestration/defs/resolution.py);
- `dbt_build`: the raw-layer and dbt-project digest the marts were last built from;
- `validated`: the digest whose build passed every blocking check and was published (written by publishing);
- `dbt_full_build`: when dbt last built everything, and from which project: within a day and with the same
  project, a build leaves the staging views, the seeds and the staging/intermediate tests to the next full one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from warehouse.schema import RAW_TABLES

# Columns that change on every read without the data changing (and every timestamp column): left out of the
# raw-layer digest.
VOLATILE_COLUMNS = ("run_id",)


def get(con: duckdb.DuckDBPyConnection, step: str) -> str | None:
    rows = con.execute("select fingerprint from state.steps where step = ?", [step]).fetchall()
    return rows[0][0] if rows else None


def record(con: duckdb.DuckDBPyConnection, step: str, fingerprint: str) -> None:
    con.execute("insert or replace into state.steps values (?, ?, now())", [step, fingerprint])


def digest_query(con: duckdb.DuckDBPyConnection, sql: str, columns: str) -> str:
    """Row count and an order-independent hash of a query's rows."""
    count, digest = con.execute(f"select count(*), bit_xor(hash({columns})) from ({sql})").fetchall()[0]
    return f"{count}:{digest}"


def raw_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A digest of everything dbt reads from the raw layer: equal digests mean the marts would come out the same."""
    columns_by_table: dict[str, list[str]] = {}
    for table, column, kind in con.execute(
        "select table_name, column_name, data_type from duckdb_columns() "
        "where schema_name = 'raw' and database_name = current_database() order by table_name, column_index"
    ).fetchall():
        if table in RAW_TABLES and column not in VOLATILE_COLUMNS and not kind.startswith("TIMESTAMP"):
            columns_by_table.setdefault(table, []).append(f'"{column}"')
    parts = [f"{table}:{digest_query(con, f'select * from raw.{table}', ', '.join(columns_by_table[table]))}"
             for table in sorted(columns_by_table)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, manifest: Path) -> str:
    """The raw layer's digest plus the dbt project's (the manifest changes when any model, test or seed does)."""
    return f"{raw_fingerprint(con)}:{manifest_digest(manifest)}"


def dbt_build_state(con: duckdb.DuckDBPyConnection) -> str | None:
    """What the marts were last built from; None when there are no marts (a fresh or emptied warehouse)."""
    marts = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'marts' and table_name = 'fct_deals' "
        "and database_name = current_database()").fetchall()[0][0]
    return get(con, "dbt_build") if marts else None


FULL_BUILD_EVERY = timedelta(days=1)


def manifest_digest(manifest: Path) -> str:
    """The dbt project's digest: the manifest without its `metadata` block, which dbt rewrites on every parse
    (generation time, invocation id) even when no model, test, seed or macro changed."""
    content = json.loads(manifest.read_bytes())
    content.pop("metadata", None)
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def full_dbt_build_due(con: duckdb.DuckDBPyConnection, manifest: Path, now: datetime | None = None) -> bool:
    """Whether the next dbt build must build everything: the dbt project changed since the last full build, that
    build is a day old, or there is none."""
    try:
        last = json.loads(get(con, "dbt_full_build") or "null")
    except ValueError:
        last = None
    if not isinstance(last, dict) or last.get("manifest") != manifest_digest(manifest):
        return True
    return (now or datetime.now()) - datetime.fromisoformat(last["at"]) >= FULL_BUILD_EVERY


def record_full_dbt_build(con: duckdb.DuckDBPyConnection, manifest: Path, now: datetime | None = None) -> None:
    record(con, "dbt_full_build", json.dumps({"manifest": manifest_digest(manifest),
                                              "at": (now or datetime.now()).isoformat()}))


def unchanged_since_validated(con: duckdb.DuckDBPyConnection, manifest: Path) -> tuple[bool, str]:
    """Whether everything dbt and the checks read equals what last passed every blocking check and was published."""
    fingerprint = inputs_fingerprint(con, manifest)
    return fingerprint == get(con, "validated"), fingerprint
