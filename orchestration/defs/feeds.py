"""Live RSS/Atom feeds (config/feeds.yaml) into raw.feed_items, one sensor per feed.

Feed articles have their own table beside the folder's (warehouse/feeds.py); dbt staging unions the two, and one
version of each article is current across both (sources/versions.py). state.feed_state keeps each feed's ETag /
Last-Modified / body hash for the next conditional GET, and the last error, so a person can see in the warehouse
why a feed is stale.
"""

from pathlib import Path

import dagster as dg

from orchestration import settings
from orchestration.resources import WarehouseResource
from sources.feeds import FeedConfig, FeedConfigError, FeedError, fetch_feed, load_feed_config
from sources.http import HttpPolicy, make_client
from warehouse.feeds import known_article_ids, load_feed_state, record_feed_error, store_feed_fetch

GROUP = "ingestion"
FEED_ITEMS_KEY = dg.AssetKey(["raw", "feed_items"])


# ---------------------------------------------------------------------------------------------------------------
# Dagster: the resource, the asset, the job the sensors start, one sensor per feed


class FeedsResource(dg.ConfigurableResource):
    """The feed list and the HTTP limits. Empty `config_path` means $INVEST_TRACKER_FEEDS or config/feeds.yaml,
    read when the run starts."""

    config_path: str = ""
    timeout_seconds: float = 15.0
    retries: int = 3
    max_bytes: int = 5_000_000

    def resolved_path(self) -> Path:
        return Path(self.config_path).resolve() if self.config_path else settings.feeds_config_path()

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
    """Fetch the configured RSS/Atom feeds (conditional GET) and add their new article versions to raw.feed_items."""
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
            context.log.info("feed %s: %s, %d items, %d new article versions", feed.name, fetch.status,
                             len(fetch.articles), stored.new_versions)
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


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[raw_feed_items], resources={"feeds": FeedsResource()})
