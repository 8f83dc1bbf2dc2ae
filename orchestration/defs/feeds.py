"""Live RSS/Atom feeds (config/feeds.yaml) into raw.press_releases, one sensor per feed.

Feed articles live in raw.press_releases beside the folder's, so extraction, checks and dbt see one set of articles.
They are kept apart by raw.feed_items (one row per feed, article and content version): the folder read marks only
the rows that are not feed rows non-current, and a feed article stays current until the feed brings a newer version
of it (an item that drops off the feed is old news, not a deleted article). An article that the input folder
already holds (same url, so the same article_id) is left to the folder.

raw.feed_state keeps each feed's ETag / Last-Modified / body hash for the next conditional GET, and the last
error, so a person can see in the warehouse why a feed is stale.
"""

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import dagster as dg
import duckdb

from orchestration import settings, warehouse
from orchestration.resources import WarehouseResource
from sources.feeds import (
    FeedConfig,
    FeedConfigError,
    FeedError,
    FeedFetch,
    FeedState,
    fetch_feed,
    load_feed_config,
    probe_feed,
)
from sources.http import HttpPolicy, make_client

GROUP = "ingestion"
FEEDS_ENV = "INVEST_TRACKER_FEEDS"
DEFAULT_FEEDS_CONFIG = settings.REPO_ROOT / "config" / "feeds.yaml"
FEED_ITEMS_KEY = dg.AssetKey(["raw", "feed_items"])
PRESS_RELEASES_KEY = dg.AssetKey(["raw", "press_releases"])

FEED_TABLES: dict[str, str] = {name: warehouse.RAW_TABLES[name] for name in ("feed_items", "feed_state")}
# The rows of raw.press_releases that a feed wrote (for the folder read: "leave these alone").
FEED_ROW_SQL = warehouse.FEED_ROW_SQL


def feeds_config_path() -> Path:
    """The feed list: $INVEST_TRACKER_FEEDS, else config/feeds.yaml."""
    return Path(os.environ.get(FEEDS_ENV) or DEFAULT_FEEDS_CONFIG).resolve()


def ensure_feed_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    for name, columns in FEED_TABLES.items():
        con.execute(f"create table if not exists raw.{name} ({columns})")


# ---------------------------------------------------------------------------------------------------------------
# Warehouse reads and writes (plain DuckDB: tested without Dagster)


def load_feed_state(con: duckdb.DuckDBPyConnection, feed: FeedConfig) -> FeedState:
    """The validators kept for `feed`; none when the feed's url changed since (they belong to the old url)."""
    row = con.execute(
        "select url, etag, last_modified, body_sha256 from raw.feed_state where feed_name = ?", [feed.name]
    ).fetchone()
    if row is None or row[0] != feed.url:
        return FeedState()
    return FeedState(etag=row[1], last_modified=row[2], body_sha256=row[3])


def known_article_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select distinct article_id from raw.press_releases").fetchall()}


@dataclass(frozen=True)
class StoredFeed:
    """What one feed fetch changed in the warehouse."""

    new_versions: int  # article versions not seen before (new articles or new text of a known one)
    seen_again: int  # article versions already stored, still in the feed
    left_to_folder: int  # articles the input folder already holds


def store_feed_fetch(con: duckdb.DuckDBPyConnection, fetch: FeedFetch, run_id: str) -> StoredFeed:
    """Write one fetch in one transaction: its articles, the feed_items rows and the feed's HTTP state."""
    ensure_feed_tables(con)
    frame = warehouse.article_frame(fetch.articles)
    frame = frame.drop_duplicates(subset=["article_id", "content_sha256"], keep="first")
    con.execute("begin transaction")
    try:
        left_to_folder = new_versions = 0
        if not frame.empty:
            con.register("_feed_candidates", frame[["article_id", "content_sha256"]])
            folder_owned = {
                r[0]
                for r in con.execute(
                    f"""
                    select distinct press_releases.article_id
                    from raw.press_releases
                    inner join _feed_candidates as c on c.article_id = press_releases.article_id
                    where press_releases.is_current and not {FEED_ROW_SQL}
                    """
                ).fetchall()
            }
            already_stored = {
                (r[0], r[1])
                for r in con.execute(
                    """
                    select p.article_id, p.content_sha256 from raw.press_releases as p
                    inner join _feed_candidates as c
                        on c.article_id = p.article_id and c.content_sha256 = p.content_sha256
                    """
                ).fetchall()
            }
            con.unregister("_feed_candidates")
            owned = frame["article_id"].isin(folder_owned)
            left_to_folder = int(owned.sum())
            frame = frame[~owned]
            new_versions = sum(
                (a, c) not in already_stored for a, c in zip(frame["article_id"], frame["content_sha256"], strict=True)
            )
        if not frame.empty:
            frame = frame.assign(run_id=run_id, feed_name=fetch.feed.name)
            con.register("_feed_incoming", frame)
            cols = ", ".join(f'"{c}"' for c in warehouse.ARTICLE_COLUMNS)
            # an article the feed now carries in another version: the older feed versions stop being current
            con.execute(
                """
                update raw.press_releases as p set is_present = false
                where p.is_present
                  and p.article_id in (select article_id from _feed_incoming)
                  and not exists (select 1 from _feed_incoming as i
                                  where i.article_id = p.article_id and i.content_sha256 = p.content_sha256)
                """
            )
            con.execute(
                f"""
                insert into raw.press_releases ({cols}, first_seen_at, last_seen_at, run_id, is_present, is_current)
                select {cols}, now(), now(), run_id, true, false from _feed_incoming
                on conflict (article_id, content_sha256) do update set
                    last_seen_at = excluded.last_seen_at, run_id = excluded.run_id, is_present = true
                """
            )
            warehouse.refresh_current_versions(con)
            con.execute(
                """
                insert into raw.feed_items (feed_name, item_id, article_id, content_sha256, source_file, url,
                                            first_seen_at, last_seen_at, run_id)
                select feed_name, item_id, article_id, content_sha256, source_file, url, now(), now(), run_id
                from _feed_incoming
                on conflict (feed_name, article_id, content_sha256) do update set
                    last_seen_at = excluded.last_seen_at, run_id = excluded.run_id, item_id = excluded.item_id
                """
            )
            con.unregister("_feed_incoming")
        _write_state(con, fetch.feed, fetch.state, status=fetch.status, error=None, changed=fetch.changed)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return StoredFeed(new_versions=new_versions, seen_again=len(frame) - new_versions, left_to_folder=left_to_folder)


def record_feed_error(con: duckdb.DuckDBPyConnection, feed: FeedConfig, error: FeedError) -> None:
    """Keep the reason a feed failed; its validators and articles stay as they were."""
    ensure_feed_tables(con)
    con.execute(
        """
        insert into raw.feed_state (feed_name, url, last_status, last_error, last_checked_at)
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
        insert into raw.feed_state (feed_name, url, etag, last_modified, body_sha256, last_status, last_error,
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


# ---------------------------------------------------------------------------------------------------------------
# Dagster: the resource, the asset, the job the sensors start, one sensor per feed


class FeedsResource(dg.ConfigurableResource):
    """The feed list and the HTTP limits. Empty `config_path` means $INVEST_TRACKER_FEEDS or config/feeds.yaml."""

    config_path: str = ""
    timeout_seconds: float = 15.0
    retries: int = 3
    max_bytes: int = 5_000_000

    def resolved_path(self) -> Path:
        return Path(self.config_path).resolve() if self.config_path else feeds_config_path()

    def load(self) -> list[FeedConfig]:
        return load_feed_config(self.resolved_path())

    def policy(self) -> HttpPolicy:
        return HttpPolicy(read_timeout=self.timeout_seconds, retries=self.retries, max_bytes=self.max_bytes)


class FeedSelection(dg.Config):
    """Which configured feeds to fetch; empty means all of them (a feed's sensor names its own)."""

    feeds: list[str] = []


# Transient failures (5xx, 429, timeouts) are retried by Dagster a few minutes apart; a malformed feed is not.
FEED_RETRY_POLICY = dg.RetryPolicy(max_retries=2, delay=60, backoff=dg.Backoff.EXPONENTIAL)


@dg.asset(
    key=FEED_ITEMS_KEY,
    deps=[PRESS_RELEASES_KEY],
    group_name=GROUP,
    pool="warehouse",
    kinds={"python", "duckdb"},
    retry_policy=FEED_RETRY_POLICY,
)
def raw_feed_items(
    context: dg.AssetExecutionContext,
    config: FeedSelection,
    warehouse_db: WarehouseResource,
    feeds: FeedsResource,
) -> dg.MaterializeResult:
    """Fetch the configured RSS/Atom feeds (conditional GET) and add their new items to raw.press_releases."""
    path = feeds.resolved_path()
    try:
        configured = feeds.load()
    except FeedConfigError as exc:
        raise dg.Failure(f"feed list unusable: {exc}", allow_retries=False) from exc
    unknown = sorted(set(config.feeds) - {f.name for f in configured})
    if unknown:
        raise dg.Failure(f"feeds {unknown} are not in {path}", allow_retries=False)
    selected = [f for f in configured if not config.feeds or f.name in config.feeds]
    if not selected:
        context.log.info("no feeds configured in %s: nothing to fetch", path)
        return dg.MaterializeResult(metadata={"feeds": 0, "config": str(path), "new_versions": 0})

    with warehouse_db.connect() as con:
        ensure_feed_tables(con)
        states = {f.name: load_feed_state(con, f) for f in selected}
        known = known_article_ids(con)
    policy = feeds.policy()
    failures: list[FeedError] = []
    per_feed: dict[str, dict] = {}
    with make_client(policy) as client:
        for feed in selected:
            # the network is not held under the warehouse connection: fetch first, then write in one transaction
            try:
                fetch = fetch_feed(feed, client=client, state=states[feed.name], policy=policy,
                                   known_article_ids=known)
            except FeedError as exc:
                context.log.error("%s", exc)
                failures.append(exc)
                with warehouse_db.connect() as con:
                    record_feed_error(con, feed, exc)
                per_feed[feed.name] = {"status": "error", "error": exc.reason}
                continue
            for rejection in fetch.rejections:
                context.log.warning("feed item skipped: %s (%s)", rejection.message, rejection.reason)
            for problem in fetch.page_problems:
                context.log.warning("article page: %s", problem)
            with warehouse_db.connect() as con:
                stored = store_feed_fetch(con, fetch, context.run.run_id)
            context.log.info(
                "feed %s: %s, %d items, %d new article versions, %d left to the input folder",
                feed.name, fetch.status, len(fetch.articles), stored.new_versions, stored.left_to_folder,
            )
            per_feed[feed.name] = {
                "status": fetch.status,
                "items": len(fetch.articles),
                "new_versions": stored.new_versions,
                "rejected_items": len(fetch.rejections),
                "page_problems": len(fetch.page_problems),
                "requests": fetch.requests,
            }
    if failures:
        # the other feeds' articles are stored; the failed ones keep what earlier runs stored
        raise dg.Failure(
            description=f"{len(failures)} of {len(selected)} feeds failed: " + "; ".join(str(f) for f in failures),
            metadata={"feeds": dg.MetadataValue.json(per_feed)},
            allow_retries=any(f.transient for f in failures),
        )
    return dg.MaterializeResult(
        metadata={
            "feeds": len(selected),
            "new_versions": sum(v.get("new_versions", 0) for v in per_feed.values()),
            "by_feed": dg.MetadataValue.json(per_feed),
            "config": str(path),
        }
    )


FEED_OP_NAME = raw_feed_items.op.name

feeds_refresh_job = dg.define_asset_job(
    "feeds_refresh",
    selection=dg.AssetSelection.assets(FEED_ITEMS_KEY).downstream(),
    description="Fetch feeds (all, or the one a sensor names), extract the new articles, rebuild and publish.",
)


def sensor_name(feed: FeedConfig) -> str:
    """Dagster names allow letters, digits and '_': feed 'gov-kz' has sensor 'feed_gov_kz_sensor'."""
    return f"feed_{feed.name.replace('-', '_')}_sensor"


def _state_from_cursor(cursor: str | None) -> FeedState:
    if not cursor:
        return FeedState()
    return FeedState(**json.loads(cursor))


def build_feed_sensor(feed: FeedConfig, policy: HttpPolicy | None = None) -> dg.SensorDefinition:
    """A sensor that makes a conditional GET of `feed` and starts feeds_refresh for it when the feed changed."""
    # a sensor tick has about a minute: one quick retry, not the asset's patience
    policy = policy or HttpPolicy(read_timeout=10, deadline=30, retries=1, backoff=1)

    @dg.sensor(
        name=sensor_name(feed),
        job=feeds_refresh_job,
        minimum_interval_seconds=feed.poll_minutes * 60,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description=f"Polls {feed.url} (conditional GET) and fetches feed '{feed.name}' when it changed.",
    )
    def _feed_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
        with make_client(policy) as client:
            # a FeedError fails the tick, so the sensor's page in the UI shows why the feed is unreachable
            changed, state = probe_feed(feed, client=client, state=_state_from_cursor(context.cursor), policy=policy)
        cursor = json.dumps(asdict(state))
        if not changed:
            return dg.SensorResult(skip_reason=f"feed {feed.name} unchanged", cursor=cursor)
        request = dg.RunRequest(
            run_key=f"{feed.name}:{state.body_sha256}",
            run_config=dg.RunConfig(ops={FEED_OP_NAME: FeedSelection(feeds=[feed.name])}),
            tags={"invest_tracker/feed": feed.name},
        )
        return dg.SensorResult(run_requests=[request], cursor=cursor)

    return _feed_sensor


def build_feed_sensors(feeds: list[FeedConfig]) -> list[dg.SensorDefinition]:
    names: dict[str, str] = {}
    for feed in feeds:
        other = names.setdefault(sensor_name(feed), feed.name)
        if other != feed.name:
            raise FeedConfigError(f"feeds {other!r} and {feed.name!r} would share the sensor {sensor_name(feed)}")
    return [build_feed_sensor(feed) for feed in feeds]


def build_defs() -> dg.Definitions:
    # sensors come from the feed list as it is when the code location loads (reload it after editing the list);
    # the asset reads the list again at run time
    return dg.Definitions(
        assets=[raw_feed_items],
        jobs=[feeds_refresh_job],
        sensors=build_feed_sensors(load_feed_config(feeds_config_path())),
        resources={"feeds": FeedsResource()},
    )
