"""The warehouse's own tables: `raw` (what the marts are built from) and `state` (how the pipeline ran).

`raw` holds data: registries, rates, articles (folder and feed in separate tables), the quarantine and what
extraction and resolution made of the articles. dbt reads these, and the raw-layer digest that decides whether
dbt must run covers all of them. `state` holds bookkeeping that no mart is built from: which input files were
read (size, mtime, digest), which article versions each extractor version has seen, the feeds' HTTP validators,
and the fingerprints of the steps. `ensure_schema` creates what is missing and moves tables of older warehouses.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = "2026-11-28.3"

ARTICLE_DDL = """
    article_id varchar not null, content_sha256 varchar not null, file_sha256 varchar not null,
    source_file varchar not null, file_name varchar not null, item_id varchar, format varchar not null,
    title varchar, published date, outlet varchar, url varchar, lang varchar, text varchar not null,
    published_precision varchar"""
# is_present: in the input folder at its last read (or still carried by a feed); is_current: the one version of
# its article that feeds the mentions (sources/versions.py, applied by articles.refresh_current_versions)
VERSION_DDL = """
    first_seen_at timestamp not null, last_seen_at timestamp not null, run_id varchar,
    is_present boolean not null, is_current boolean not null"""

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
    # articles read from the input folder, one row per article and content version
    "press_releases": f"{ARTICLE_DDL}, {VERSION_DDL}, primary key (article_id, content_sha256)",
    # articles fetched from live feeds, the same columns plus the feed; dbt staging unions the two tables
    "feed_items": f"feed_name varchar not null, {ARTICLE_DDL}, {VERSION_DDL}, primary key (article_id, content_sha256)",
    "rejected_inputs": """
        file varchar not null, file_name varchar not null, item varchar, reason varchar not null,
        message varchar not null, content_sha256 varchar not null, first_seen_at timestamp not null,
        last_seen_at timestamp not null, run_id varchar, is_current boolean not null,
        primary key (file, content_sha256)""",
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
    # a record (article, mention) whose processing raised: quarantined with the exception and the code version
    "processing_errors": """
        stage varchar not null, record_id varchar not null, article_id varchar not null,
        content_sha256 varchar not null, source_file varchar not null, mention_id varchar, error_type varchar not null,
        message varchar not null, code_version varchar not null, seen_at timestamp not null,
        primary key (stage, record_id)""",
    # the same for mentions that resolution could not read (written by the resolution step alone)
    "resolution_errors": """
        stage varchar not null, record_id varchar not null, article_id varchar not null,
        content_sha256 varchar not null, source_file varchar not null, mention_id varchar, error_type varchar not null,
        message varchar not null, code_version varchar not null, seen_at timestamp not null,
        primary key (stage, record_id)""",
    "mention_resolution": """
        mention_id varchar primary key, deal_id varchar not null, rule varchar not null, score double,
        merged_from varchar, partner_conflict boolean not null, resolver_version varchar not null,
        resolved_at timestamp not null, run_id varchar""",
    "deal_merges": """
        surviving_deal_id varchar not null, absorbed_deal_id varchar not null, reason varchar not null,
        mentions integer not null, merged_at timestamp not null, run_id varchar,
        primary key (surviving_deal_id, absorbed_deal_id)""",
}

STATE_TABLES: dict[str, str] = {
    # the fingerprint each step last ran on (registries, dbt_build, validated, mention_resolution, ...)
    "steps": "step varchar primary key, fingerprint varchar not null, built_at timestamp not null",
    # every input file as last read: a file whose size and mtime are unchanged is not read again
    "input_files": """
        file varchar primary key, size bigint not null, mtime_ns bigint not null, file_sha256 varchar,
        reader_version varchar not null, read_day date not null, depends_on_today boolean not null""",
    # article versions each extractor version has processed (incremental extraction)
    "extracted_articles": """
        article_id varchar not null, content_sha256 varchar not null, extractor_version varchar not null,
        mention_count integer not null, total_count integer not null, extracted_at timestamp not null,
        primary key (article_id, content_sha256, extractor_version)""",
    # rows a quality suite has validated (key: article_id:content_sha256, or mention_id): a run validates the
    # rows added since, and the whole table once a day (warehouse/validation.py)
    "validated_rows": "suite varchar not null, key varchar not null, primary key (suite, key)",
    # the blocks each resolved mention falls into (resolution/blocks.py): an incremental resolution loads only the
    # mentions that share a block with new ones
    "mention_blocks": """
        mention_id varchar primary key, region_kato varchar, district_kato varchar, sector varchar,
        partner_key varchar""",
    # each feed's HTTP validators and last error ("why is this feed stale?")
    "feed_state": """
        feed_name varchar primary key, url varchar not null, etag varchar, last_modified varchar,
        body_sha256 varchar, last_status varchar not null, last_error varchar, last_checked_at timestamp not null,
        last_changed_at timestamp""",
}

# Tables of earlier layouts: raw bookkeeping now in `state`, and the parse cache that input_files replaced.
_MOVED_TO_STATE = {"build_state": "steps", "extracted_articles": "extracted_articles", "feed_state": "feed_state"}
_DROPPED = ("parse_cache",)


def table_names() -> set[str]:
    return {f"raw.{t}" for t in RAW_TABLES} | {f"state.{t}" for t in STATE_TABLES}


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the schemas and tables that are missing and migrate an older warehouse (one cheap query when the
    layout is already current: every step connects)."""
    present = {f"{s}.{t}" for s, t in con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
    ).fetchall()}
    if table_names() <= present and "state.steps" in present:
        version = con.execute("select fingerprint from state.steps where step = 'schema'").fetchall()
        if version == [(SCHEMA_VERSION,)]:
            return
    con.execute("begin transaction")
    try:
        _create_and_migrate(con, present)
        con.execute("insert or replace into state.steps values ('schema', ?, now())", [SCHEMA_VERSION])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def _columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
        "and database_name = current_database()", [schema, table]).fetchall()}


def _create_and_migrate(con: duckdb.DuckDBPyConnection, present: set[str]) -> None:
    con.execute("create schema if not exists raw")
    con.execute("create schema if not exists state")
    # columns added to raw tables after they were first released
    if "raw.press_releases" in present:
        columns = _columns(con, "raw", "press_releases")
        if "published_precision" not in columns:
            con.execute("alter table raw.press_releases add column published_precision varchar")
        if "is_present" not in columns:
            con.execute("alter table raw.press_releases add column is_present boolean default false")
            con.execute("update raw.press_releases set is_present = is_current")
    if "raw.announced_totals" in present:
        con.execute("alter table raw.announced_totals add column if not exists part_amount_starts integer[]")
    if "raw.rejected_inputs" in present and "file_name" not in _columns(con, "raw", "rejected_inputs"):
        con.execute("alter table raw.rejected_inputs add column file_name varchar default ''")
        con.execute("update raw.rejected_inputs set file_name = case when item is null then file "
                    "else left(file, length(file) - length(item) - 1) end")
    old_feed_items = "raw.feed_items" in present and "text" not in _columns(con, "raw", "feed_items")
    if old_feed_items:
        con.execute("alter table raw.feed_items rename to feed_items_v1")
    for name, columns in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({columns})")
    for name, columns in STATE_TABLES.items():
        con.execute(f"create table if not exists state.{name} ({columns})")
    if old_feed_items:
        # feed articles used to live in raw.press_releases, marked by a narrow raw.feed_items
        columns = ", ".join(f"p.{c}" for c in _article_columns())
        con.execute(f"""
            insert into raw.feed_items by name
            select distinct on (p.article_id, p.content_sha256) f.feed_name, {columns}, p.first_seen_at,
                   p.last_seen_at, p.run_id, coalesce(p.is_present, p.is_current) as is_present, p.is_current
            from raw.press_releases as p
            inner join raw.feed_items_v1 as f on f.article_id = p.article_id and f.content_sha256 = p.content_sha256
            on conflict do nothing""")
        con.execute("""
            delete from raw.press_releases as p where exists (
                select 1 from raw.feed_items_v1 as f
                where f.article_id = p.article_id and f.content_sha256 = p.content_sha256)""")
        con.execute("drop table raw.feed_items_v1")
    for old, new in _MOVED_TO_STATE.items():
        if f"raw.{old}" in present:
            con.execute(f"insert into state.{new} select * from raw.{old} on conflict do nothing")
            con.execute(f"drop table raw.{old}")
    for old in _DROPPED:
        if f"raw.{old}" in present:
            con.execute(f"drop table raw.{old}")


def _article_columns() -> list[str]:
    from warehouse.articles import ARTICLE_COLUMNS

    return ARTICLE_COLUMNS
