"""Articles from live feeds (raw.feed_items) and each feed's HTTP state (state.feed_state).

Feed articles have their own table beside the folder's; dbt staging unions the two. A feed article stays present
until the feed brings a newer version of it (an item that drops off the feed is old news, not a deleted article).
A feed article and a saved copy of the same page (same url) are versions of one article: the version rule
(sources/versions.py) makes one current, across both tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from sources.feeds import FeedConfig, FeedError, FeedFetch, FeedState
from warehouse.articles import article_frame, refresh_current_versions, upsert_versions
from warehouse.db import registered, transaction


@dataclass(frozen=True)
class StoredFeed:
    """What one feed fetch changed in the warehouse."""

    new_versions: int  # article versions not seen before (new articles or new text of a known one)
    seen_again: int  # article versions already stored, still in the feed


def load_feed_state(con: duckdb.DuckDBPyConnection, feed: FeedConfig) -> FeedState:
    """The validators kept for `feed`; none when the feed's url changed since (they belong to the old url)."""
    rows = con.execute(
        "select url, etag, last_modified, body_sha256 from state.feed_state where feed_name = ?", [feed.name]
    ).fetchall()
    if not rows or rows[0][0] != feed.url:
        return FeedState()
    return FeedState(etag=rows[0][1], last_modified=rows[0][2], body_sha256=rows[0][3])


def known_article_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Articles the warehouse holds (folder or feeds): a feed item of one of them needs no page fetch."""
    return {r[0] for r in con.execute(
        "select article_id from raw.press_releases union select article_id from raw.feed_items").fetchall()}


def store_feed_fetch(con: duckdb.DuckDBPyConnection, fetch: FeedFetch, run_id: str) -> StoredFeed:
    """Write one fetch in one transaction: its article versions and the feed's HTTP state."""
    frame = article_frame(fetch.articles).drop_duplicates(subset=["article_id", "content_sha256"], keep="first")
    frame = frame.assign(run_id=run_id, feed_name=fetch.feed.name)
    with transaction(con):
        new_versions = 0
        if not frame.empty:
            with registered(con, "_feed_incoming", frame):
                new_versions = con.execute("""
                    select count(*) from _feed_incoming as i
                    where not exists (select 1 from raw.feed_items as f
                                      where f.article_id = i.article_id and f.content_sha256 = i.content_sha256)
                """).fetchall()[0][0]
                # an article the feed now carries in another version: its older feed versions are not present
                con.execute("""
                    update raw.feed_items as f set is_present = false
                    where f.is_present and f.article_id in (select article_id from _feed_incoming)
                      and not exists (select 1 from _feed_incoming as i
                                      where i.article_id = f.article_id and i.content_sha256 = f.content_sha256)
                """)
            upsert_versions(con, "raw.feed_items", frame)
            refresh_current_versions(con, set(frame["article_id"]))
        _write_state(con, fetch.feed, fetch.state, status=fetch.status, error=None, changed=fetch.changed)
    return StoredFeed(new_versions=new_versions, seen_again=len(frame) - new_versions)


def record_feed_error(con: duckdb.DuckDBPyConnection, feed: FeedConfig, error: FeedError) -> None:
    """Keep the reason a feed failed; its validators and articles stay as they were."""
    con.execute(
        """
        insert into state.feed_state (feed_name, url, last_status, last_error, last_checked_at)
        values (?, ?, 'error', ?, now())
        on conflict (feed_name) do update set
            last_status = 'error', last_error = excluded.last_error, last_checked_at = excluded.last_checked_at
        """,
        [feed.name, feed.url, str(error)],
    )


def _write_state(
    con: duckdb.DuckDBPyConnection, feed: FeedConfig, state: FeedState, *, status: str, error: str | None,
    changed: bool,
) -> None:
    con.execute(
        """
        insert into state.feed_state (feed_name, url, etag, last_modified, body_sha256, last_status, last_error,
                                      last_checked_at, last_changed_at)
        values (?, ?, ?, ?, ?, ?, ?, now(), case when ? then now() end)
        on conflict (feed_name) do update set
            url = excluded.url, etag = excluded.etag, last_modified = excluded.last_modified,
            body_sha256 = excluded.body_sha256, last_status = excluded.last_status, last_error = excluded.last_error,
            last_checked_at = excluded.last_checked_at,
            last_changed_at = coalesce(excluded.last_changed_at, feed_state.last_changed_at)
        """,
        [feed.name, feed.url, state.etag, state.last_modified, state.body_sha256, status, error, changed],
    )
