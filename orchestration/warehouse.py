"""The raw layer of the DuckDB warehouse: table definitions and set-based writes (never row-by-row)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from sources.models import Article
from sources.versions import version_sql_order

RAW_TABLES: dict[str, str] = {
    "kato": """
        code varchar primary key, name_ru varchar not null, name_kk varchar, name_en varchar,
        parent_code varchar, region_code varchar not null, depth integer not null, kind varchar not null""",
    "oked": """
        code varchar primary key, code_dotted varchar not null, level varchar not null, name_ru varchar not null,
        parent_code varchar, section varchar not null, description_ru varchar""",
    "countries": """
        alpha_2 varchar primary key, alpha_3 varchar not null, numeric varchar not null, name_en varchar not null,
        common_name_en varchar, name_ru varchar""",
    "fx_rates_annual": """
        currency varchar not null, year integer not null, lcu_per_usd double not null, source varchar not null,
        primary key (currency, year)""",
    "fx_rates_daily": """
        rate_date date not null, currency varchar not null, kzt_rate double not null, quant integer not null,
        fetched_at timestamp, source_url varchar, primary key (rate_date, currency)""",
    "press_releases": """
        article_id varchar not null, content_sha256 varchar not null, file_sha256 varchar not null,
        source_file varchar not null, file_name varchar not null, item_id varchar, format varchar not null,
        title varchar, published date, published_precision varchar, outlet varchar, url varchar, lang varchar,
        text varchar not null,
        first_seen_at timestamp not null, last_seen_at timestamp not null, run_id varchar,
        is_present boolean, is_current boolean not null, primary key (article_id, content_sha256)""",
    "rejected_inputs": """
        file varchar not null, item varchar, reason varchar not null, message varchar not null,
        content_sha256 varchar not null, first_seen_at timestamp not null, last_seen_at timestamp not null,
        run_id varchar, is_current boolean not null, primary key (file, content_sha256)""",
    "deal_mentions": """
        mention_id varchar primary key, article_id varchar not null, content_sha256 varchar not null,
        source_file varchar not null, partner_name varchar, partner_country varchar, region_kato varchar,
        district_kato varchar, oked varchar, amount double, currency varchar, amount_approximate boolean,
        amount_text varchar, status varchar, capacity_value double, capacity_unit varchar, jobs integer,
        start_year integer, completion_year integer, evidence varchar not null, evidence_start integer not null,
        evidence_end integer not null, confidence double, confidence_reasons varchar[], field_evidence json,
        extractor_version varchar not null""",
    "announced_totals": """
        total_id varchar primary key, article_id varchar not null, content_sha256 varchar not null,
        source_file varchar not null, kind varchar not null, amount double, currency varchar,
        amount_approximate boolean, amount_text varchar, region_kato varchar, evidence varchar not null,
        evidence_start integer not null, evidence_end integer not null, extractor_version varchar not null,
        part_amount_starts integer[]""",
    "rejected_values": """
        mention_id varchar not null, article_id varchar not null, content_sha256 varchar not null,
        source_file varchar not null, field varchar not null, value varchar, reason varchar not null,
        message varchar not null, extractor_version varchar not null, primary key (mention_id, field)""",
    "mention_resolution": """
        mention_id varchar primary key, deal_id varchar not null, rule varchar not null, score double,
        merged_from varchar, partner_conflict boolean not null, resolver_version varchar not null,
        resolved_at timestamp not null, run_id varchar""",
    "deal_merges": """
        surviving_deal_id varchar not null, absorbed_deal_id varchar not null, reason varchar not null,
        mentions integer not null, merged_at timestamp not null, run_id varchar,
        primary key (surviving_deal_id, absorbed_deal_id)""",
    # a record (article, mention) whose processing raised: quarantined with the exception and the code version
    "processing_errors": """
        stage varchar not null, record_id varchar not null, article_id varchar not null,
        content_sha256 varchar not null, source_file varchar not null, mention_id varchar, error_type varchar not null,
        message varchar not null, code_version varchar not null, seen_at timestamp not null,
        primary key (stage, record_id)""",
    "feed_items": """
        feed_name varchar not null, item_id varchar, article_id varchar not null, content_sha256 varchar not null,
        source_file varchar not null, url varchar, first_seen_at timestamp not null, last_seen_at timestamp not null,
        run_id varchar, primary key (feed_name, article_id, content_sha256)""",
    "feed_state": """
        feed_name varchar primary key, url varchar not null, etag varchar, last_modified varchar,
        body_sha256 varchar, last_status varchar not null, last_error varchar, last_checked_at timestamp not null,
        last_changed_at timestamp""",
    "build_state": """
        step varchar primary key, fingerprint varchar not null, built_at timestamp not null""",
    # what parsing each input file gave (sources.press_releases.read_input_folder's parse_cache): bookkeeping
    # that spares a run re-parsing thousands of unchanged files; dbt never reads it
    "parse_cache": """
        file varchar not null, file_sha256 varchar not null, reader_version varchar not null,
        read_day date not null, depends_on_today boolean not null, result_json varchar not null,
        primary key (file, file_sha256)""",
    "extracted_articles": """
        article_id varchar not null, content_sha256 varchar not null, extractor_version varchar not null,
        mention_count integer not null, total_count integer not null, extracted_at timestamp not null,
        primary key (article_id, content_sha256, extractor_version)""",
}


# The rows of raw.press_releases that a feed wrote: the folder read leaves them alone.
FEED_ROW_SQL = (
    "exists (select 1 from raw.feed_items as f "
    "where f.article_id = press_releases.article_id and f.content_sha256 = press_releases.content_sha256)"
)

# Raw tables that record how the pipeline ran, not data: left out of the raw-layer fingerprint.
BOOKKEEPING_TABLES = frozenset({"build_state", "parse_cache"})

# Columns that change on every read without the data changing (and every timestamp column): left out of the
# raw-layer fingerprint.
VOLATILE_COLUMNS = ("run_id",)


def raw_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A digest of everything dbt reads from the raw layer: equal digests mean the marts would come out the same."""
    parts = []
    for table in sorted(set(RAW_TABLES) - BOOKKEEPING_TABLES):
        columns = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'raw' and table_name = ?",
            [table]).fetchall()
        stable = ", ".join(
            f'"{c}"' for c, kind in columns if c not in VOLATILE_COLUMNS and not kind.startswith("TIMESTAMP")
        )
        count, digest = con.execute(f"select count(*), bit_xor(hash({stable})) from raw.{table}").fetchone()
        parts.append(f"{table}:{count}:{digest}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, manifest: Path) -> str:
    """The raw layer's digest plus the dbt project's (the manifest changes when any model, test or seed does)."""
    return f"{raw_fingerprint(con)}:{hashlib.sha256(manifest.read_bytes()).hexdigest()}"


def build_state(con: duckdb.DuckDBPyConnection, step: str) -> str | None:
    """The fingerprint recorded for `step`: 'dbt_build' (what dbt last built from) or 'validated' (what last
    passed every blocking check and was published)."""
    if step == "dbt_build" and not con.execute(
        "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'fct_deals'"
    ).fetchone()[0]:
        return None
    row = con.execute("select fingerprint from raw.build_state where step = ?", [step]).fetchone()
    return row[0] if row else None


def record_build_state(con: duckdb.DuckDBPyConnection, step: str, fingerprint: str) -> None:
    con.execute("insert or replace into raw.build_state values (?, ?, now())", [step, fingerprint])


def unchanged_since_validated(con: duckdb.DuckDBPyConnection, manifest: Path) -> tuple[bool, str]:
    """Whether everything dbt and the checks read equals what last passed every blocking check and was published."""
    fingerprint = inputs_fingerprint(con, manifest)
    return fingerprint == build_state(con, "validated"), fingerprint


@contextmanager
def connect(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse for writing, creating the file, the raw schema and its tables if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        ensure_raw_tables(con)
        yield con
    finally:
        con.close()


def ensure_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw schema and tables that are missing (one catalog query when none is: every step connects)."""
    tables, has_added_column = con.execute(
        """
        select count(distinct table_name) filter (where table_name in ?),
               bool_or(table_name = 'announced_totals' and column_name = 'part_amount_starts')
               and bool_or(table_name = 'press_releases' and column_name = 'published_precision')
               and bool_or(table_name = 'press_releases' and column_name = 'is_present')
        from duckdb_columns() where schema_name = 'raw' and database_name = current_database()
        """,
        [list(RAW_TABLES)],
    ).fetchall()[0]  # fetchall: a result left unfinished blocks the next statement on this connection
    if tables == len(RAW_TABLES) and has_added_column:
        return
    con.execute("create schema if not exists raw")
    for name, columns in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({columns})")
    # columns added after the first release: warehouses built before them get them here
    con.execute("alter table raw.announced_totals add column if not exists part_amount_starts integer[]")
    con.execute("alter table raw.press_releases add column if not exists published_precision varchar")
    if not con.execute(
        "select count(*) from duckdb_columns() where schema_name = 'raw' and table_name = 'press_releases' "
        "and column_name = 'is_present' and database_name = current_database()"
    ).fetchall()[0][0]:
        con.execute("alter table raw.press_releases add column is_present boolean")
        con.execute("update raw.press_releases set is_present = is_current")


# The columns of raw.press_releases that an Article fills (the feed and folder writers share them).
ARTICLE_COLUMNS = list(Article.__dataclass_fields__)


def article_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """Articles as a DataFrame of plain Python objects, one column per Article field. pandas would otherwise copy
    every text into an Arrow string column, and DuckDB copy it again while inserting: about 280 MB more at 50,000
    articles."""
    return pd.DataFrame(
        {column: pd.Series([getattr(a, column) for a in articles], dtype=object) for column in ARTICLE_COLUMNS},
        columns=ARTICLE_COLUMNS,
    )


def refresh_current_versions(con: duckdb.DuckDBPyConnection) -> int:
    """Make one version of every article current, by the rule of sources/versions.py, among the versions present
    (in the input folder at its last read, or still carried by a feed). Returns how many versions are superseded.

    Call it inside the transaction that changed what is present."""
    con.execute(
        f"""
        update raw.press_releases as p set is_current = coalesce(r.rank = 1, false)
        from (
            select article_id, content_sha256,
                   case when is_present then
                       row_number() over (partition by article_id, is_present order by {version_sql_order()})
                   end as rank
            from raw.press_releases
        ) as r
        where p.article_id = r.article_id and p.content_sha256 = r.content_sha256
          and p.is_current is distinct from coalesce(r.rank = 1, false)
        """
    )
    return con.execute(
        "select count(*) from raw.press_releases where is_present and not is_current"
    ).fetchone()[0]


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Replace the whole content of raw.<table> with `frame` in one transaction (registries)."""
    con.execute("begin transaction")
    try:
        con.execute(f"delete from raw.{table}")
        insert_frame(con, table, frame)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return len(frame)


def insert_frame(
    con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, on_conflict: str | None = None
) -> None:
    """Insert a DataFrame by name (columns matched by name), set-based; `on_conflict`: e.g. "do nothing"."""
    if frame.empty:
        return
    con.register("_incoming", frame)
    try:
        columns = ", ".join(f'"{c}"' for c in frame.columns)
        conflict = f" on conflict {on_conflict}" if on_conflict else ""
        con.execute(f"insert into raw.{table} ({columns}) select {columns} from _incoming{conflict}")
    finally:
        con.unregister("_incoming")


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: object = None) -> list[dict]:
    """Rows as dicts of plain Python values: a SQL null is None (never a NaN or NaT on its way to Python code)."""
    cursor = con.execute(sql, params) if params is not None else con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def table_counts(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, int]:
    return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
