"""One sensor per configured feed: a conditional GET, and a feeds_refresh run for that feed when it changed.

The sensors come from the feed list as it is when the code location loads (reload it after editing the list);
the feed asset reads the list again at run time.
"""

import json
from dataclasses import asdict

import dagster as dg

from orchestration import settings
from orchestration.defs.feeds import FEED_ITEMS_KEY, FeedSelection, raw_feed_items
from sources.feeds import FeedConfig, FeedConfigError, FeedState, load_feed_config, probe_feed
from sources.http import HttpPolicy, make_client

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
    return dg.Definitions(
        jobs=[feeds_refresh_job], sensors=build_feed_sensors(load_feed_config(settings.feeds_config_path())))
