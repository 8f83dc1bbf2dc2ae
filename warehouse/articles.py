"""Articles from the input folder (raw.press_releases), the quarantine of inputs, and current versions.

A folder read replaces the rows of the files it read again or found removed, and nothing else: an unchanged
file's rows stay as they are (sources/folders.py decides what changed). Versions are never deleted: a version
whose file is gone or was edited stays as history (`is_present` false). Of the versions present in the folder or
in a feed (raw.feed_items), one per article is current, by the rule of sources/versions.py.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import date

import duckdb
import pandas as pd

from sources.folders import IncrementalRead, KnownFile
from sources.models import Article
from sources.versions import version_sql_order
from warehouse.db import fetch_dicts, insert_frame, registered, transaction

# The columns of an article row that an Article fills (raw.press_releases and raw.feed_items share them).
ARTICLE_COLUMNS = list(Article.__dataclass_fields__)
REJECTION_COLUMNS = ["file", "file_name", "item", "reason", "message", "content_sha256"]
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
ARTICLE_TABLES = ("raw.press_releases", "raw.feed_items")


def article_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """Articles as a DataFrame of plain Python objects, one column per Article field. pandas would otherwise copy
    every text into an Arrow string column, and DuckDB copy it again while inserting."""
    return pd.DataFrame(
        {column: pd.Series([getattr(a, column) for a in articles], dtype=object) for column in ARTICLE_COLUMNS},
        columns=ARTICLE_COLUMNS,
    )


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    """Every input file as the last folder read left it."""
    return {
        row[0]: KnownFile(*row[1:])
        for row in con.execute(
            "select file, size, mtime_ns, file_sha256, reader_version, read_day, depends_on_today "
            "from state.input_files"
        ).fetchall()
    }


def present_folder_articles(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(article_id, content_sha256) -> source file of every article version present in the folder."""
    return {(a, c): f for a, c, f in con.execute(
        "select article_id, content_sha256, source_file from raw.press_releases where is_present").fetchall()}


def store_folder_read(con: duckdb.DuckDBPyConnection, read: IncrementalRead, *, run_id: str, reader_version: str,
                      today: date) -> dict[str, int]:
    """Replace the rows of the files this read touched, in one transaction; returns what changed."""
    articles = article_frame(read.result.articles).assign(run_id=run_id)
    rejections = pd.DataFrame(
        [{**asdict(r), "file_name": r.file.split("#", 1)[0] if r.item is not None else r.file}
         for r in read.result.rejections],
        columns=REJECTION_COLUMNS,
    ).assign(run_id=run_id)
    rejections["content_sha256"] = rejections["content_sha256"].fillna(EMPTY_SHA256)
    rejections = rejections.drop_duplicates(subset=["file", "content_sha256"])
    touched = pd.DataFrame({"file_name": sorted(read.touched)}, dtype=object)
    files = pd.DataFrame(read.file_rows(reader_version, today),
                         columns=["file", "size", "mtime_ns", "file_sha256", "reader_version", "read_day",
                                  "depends_on_today"])
    with transaction(con), registered(con, "_touched", touched):
        # the articles whose current version may change: those of the files read again or removed, and the new ones
        affected = {row[0] for row in con.execute(
            "select distinct article_id from raw.press_releases "
            "where is_present and file_name in (select file_name from _touched)").fetchall()}
        affected.update(articles["article_id"])
        con.execute("update raw.press_releases set is_present = false "
                    "where is_present and file_name in (select file_name from _touched)")
        con.execute("update raw.rejected_inputs set is_current = false "
                    "where is_current and file_name in (select file_name from _touched)")
        upsert_versions(con, "raw.press_releases", articles)
        if not rejections.empty:
            columns = ", ".join(rejections.columns)
            with registered(con, "_rejections", rejections):
                con.execute(f"""
                    insert into raw.rejected_inputs ({columns}, first_seen_at, last_seen_at, is_current)
                    select {columns}, now(), now(), true from _rejections
                    on conflict (file, content_sha256) do update set
                        reason = excluded.reason, message = excluded.message, file_name = excluded.file_name,
                        item = excluded.item, run_id = excluded.run_id, last_seen_at = excluded.last_seen_at,
                        is_current = true""")
        con.execute("delete from state.input_files where file in (select file_name from _touched)")
        insert_frame(con, "state.input_files", files)
        superseded = refresh_current_versions(con, affected)
    return {"articles": len(articles), "rejections": len(rejections), "files_read": len(read.read),
            "files_removed": len(read.removed), "superseded": superseded}


def upsert_versions(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert new article versions as present; a version already stored is present again with its latest name."""
    if frame.empty:
        return
    columns = list(frame.columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns
                        if c not in ("article_id", "content_sha256", "text"))
    cols = ", ".join(f'"{c}"' for c in columns)
    with registered(con, "_versions", frame):
        con.execute(f"""
            insert into {table} ({cols}, first_seen_at, last_seen_at, is_present, is_current)
            select {cols}, now(), now(), true, false from _versions
            on conflict (article_id, content_sha256) do update set
                {updates}, last_seen_at = excluded.last_seen_at, is_present = true""")


def refresh_current_versions(con: duckdb.DuckDBPyConnection, article_ids: Collection[str] | None = None) -> int:
    """Make one version of every article current, by the rule of sources/versions.py, among the versions present
    in the folder and in the feeds. Returns how many present versions are not current (superseded).

    `article_ids`: the articles whose versions changed (a new version, a version no longer present); only they
    are looked at, so a run with 100 new articles does not rank the versions of 50,000. None: every article.
    Call it inside the transaction that changed what is present."""
    if article_ids is not None and not article_ids:
        return _superseded_count(con)
    scope = ""
    if article_ids is not None:
        ids = pd.DataFrame({"article_id": sorted(set(article_ids))}, dtype=object)
        with registered(con, "_affected_in", ids):
            con.execute("create or replace temp table _affected_articles as select article_id from _affected_in")
        scope = "and article_id in (select article_id from _affected_articles)"
    con.execute(f"""
        create or replace temp table _current_versions as
        select source, article_id, content_sha256 from (
            select 'folder' as source, article_id, content_sha256, published, first_seen_at, source_file
            from raw.press_releases where is_present {scope}
            union all
            select 'feed', article_id, content_sha256, published, first_seen_at, source_file
            from raw.feed_items where is_present {scope}
        )
        qualify row_number() over (partition by article_id order by {version_sql_order()}) = 1""")
    for table, source in (("raw.press_releases", "folder"), ("raw.feed_items", "feed")):
        con.execute(f"""
            update {table} as t set is_current = not is_current
            where t.is_current <> exists (
                select 1 from _current_versions as c
                where c.source = '{source}' and c.article_id = t.article_id and c.content_sha256 = t.content_sha256)
            {scope}""")
    con.execute("drop table _current_versions")
    if article_ids is not None:
        con.execute("drop table _affected_articles")
    return _superseded_count(con)


def _superseded_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(
        "select (select count(*) from raw.press_releases where is_present and not is_current) "
        "+ (select count(*) from raw.feed_items where is_present and not is_current)").fetchall()[0][0]


CURRENT_ARTICLES_SQL = """
    select article_id, content_sha256, source_file, file_name, title, published, published_precision, lang, url,
           text
    from raw.press_releases where is_current
    union all
    select article_id, content_sha256, source_file, file_name, title, published, published_precision, lang, url,
           text
    from raw.feed_items where is_current
"""


def pending_extraction(con: duckdb.DuckDBPyConnection, extractor_version: str) -> list[dict]:
    """Current article versions (folder and feeds) that this extractor version has not processed yet."""
    return fetch_dicts(con, f"""
        select a.* from ({CURRENT_ARTICLES_SQL}) as a
        where not exists (
            select 1 from state.extracted_articles as e
            where e.article_id = a.article_id and e.content_sha256 = a.content_sha256
              and e.extractor_version = ?)
        order by a.source_file""", [extractor_version])


def current_article_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"select count(*) from ({CURRENT_ARTICLES_SQL})").fetchall()[0][0]
