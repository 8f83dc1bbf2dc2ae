"""Live feeds against a local HTTP server on 127.0.0.1 that serves recorded responses; no outside network.

The first part tests the pure connector (sources/feeds.py, sources/http.py); the second the warehouse writes and
the Dagster asset and sensors of orchestration/defs/feeds.py on a temp DuckDB.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from sources.feeds import (
    FeedConfig,
    FeedConfigError,
    FeedError,
    FeedState,
    fetch_feed,
    is_teaser,
    load_feed_config,
    probe_feed,
)
from sources.http import HttpFetchError, HttpPolicy, get_with_retries, make_client
from sources.press_releases import make_article_id

FAST = HttpPolicy(connect_timeout=1, read_timeout=0.5, deadline=3, retries=2, backoff=0.01, max_backoff=0.05)
TODAY = date(2025, 7, 1)

# --- recorded responses (trimmed copies of what ministry feeds serve) ---------------------------------------------

RSS = """<?xml version="1.0"?>
<rss version="2.0">
<channel>
  <title>Министерство энергетики РК — Новости</title>
  <link>https://energo.example.kz/ru/news</link>
  <language>ru</language>
  <item>
    <title>В Павлодарской области построят ветровую электростанцию</title>
    <link>https://energo.example.kz/ru/news/wind-pavlodar</link>
    <guid isPermaLink="false">news-1001</guid>
    <pubDate>Wed, 11 Jun 2025 23:30:00 +0500</pubDate>
    <description>Компания ACWA Power вложит 1,2 млрд долларов в строительство ВЭС мощностью 1 ГВт.</description>
  </item>
  <item>
    <title>Завод по переработке газа введён в эксплуатацию</title>
    <link>https://energo.example.kz/ru/news/gas-plant</link>
    <guid isPermaLink="false">news-1002</guid>
    <pubDate>Tue, 10 Jun 2025 10:00:00 +0500</pubDate>
    <description>В Жанаозене запущен газоперерабатывающий завод стоимостью 300 млн долларов.</description>
  </item>
</channel>
</rss>
""".encode()

ATOM = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Invest Kazakhstan</title>
  <id>urn:uuid:feed</id>
  <updated>2025-06-12T09:00:00+05:00</updated>
  <entry>
    <title>Chinese investor to build a copper plant in Abai region</title>
    <link href="https://invest.example.kz/en/copper-abai"/>
    <id>urn:uuid:entry-1</id>
    <updated>2025-06-12T09:00:00+05:00</updated>
    <summary>The USD 450 million project will create 800 jobs.</summary>
  </entry>
</feed>
"""

TEASER_RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Акимат</title><language>ru</language>
  <item>
    <title>Новый завод в Актобе</title>
    <link>{base}/news/aktobe-plant</link>
    <guid>aktobe-plant</guid>
    <pubDate>Mon, 09 Jun 2025 12:00:00 +0500</pubDate>
    <description>В Актобе построят завод... Подробнее</description>
  </item>
  <item>
    <title>Пропавшая страница</title>
    <link>{base}/news/gone</link>
    <guid>gone</guid>
    <pubDate>Mon, 09 Jun 2025 12:00:00 +0500</pubDate>
    <description>Короткий анонс...</description>
  </item>
</channel></rss>
"""

ARTICLE_PAGE = """<!doctype html><html lang="ru"><head><meta name="viewport" content="width=device-width">
<meta charset="utf-8">
<title>Новый завод в Актобе | Акимат</title></head><body>
<nav>Главная / Новости</nav>
<div class="article-body">
<p>В Актобе компания Aktobe Steel построит завод по выпуску проката стоимостью 120 млрд тенге.</p>
<p>Строительство начнётся в 2025 году, будет создано 600 рабочих мест.</p>
</div>
<footer>© Акимат</footer></body></html>
""".encode()

ENTITY_BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>x</title><item><title>&lol3;</title><description>d</description></item>
</channel></rss>
"""

# --- a local server ------------------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Callable[[dict[str, str]], Reply]


class RecordedSite:
    """Routes path -> a function of the request headers, or a list of replies served in turn (the last repeats)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | list[Reply]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def reply_for(self, path: str, headers: dict[str, str]) -> Reply:
        self.requests.append((path, headers))
        route = self.routes.get(path)
        if route is None:
            return Reply(404, b"not found")
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route(headers)


@pytest.fixture
def site() -> Iterator[RecordedSite]:
    recorded = RecordedSite()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            reply = recorded.reply_for(self.path, {k.lower(): v for k, v in self.headers.items()})
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    recorded.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield recorded
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(FAST) as c:
        yield c


def _feed(site: RecordedSite, path: str = "/rss.xml", **kwargs) -> FeedConfig:
    return FeedConfig(name=kwargs.pop("name", "energo"), url=site.url(path), **kwargs)


def _rss_reply(body: bytes = RSS, **headers: str) -> Reply:
    return Reply(200, body, {"Content-Type": "application/rss+xml; charset=utf-8", **headers})


# --- the connector ------------------------------------------------------------------------------------------------


def test_rss_items_become_articles_shaped_like_the_folder_readers(site, client):
    site.routes["/rss.xml"] = [_rss_reply()]
    fetch = fetch_feed(_feed(site, outlet="Минэнерго"), client=client, policy=FAST, today=TODAY)
    assert fetch.status == "fetched" and fetch.requests == 1
    first = fetch.articles[0]
    assert first.source_file == "energo#news-1001"
    assert first.file_name == "energo" and first.item_id == "news-1001" and first.format == "rss"
    assert first.article_id == make_article_id("https://energo.example.kz/ru/news/wind-pavlodar", "")
    assert first.published == date(2025, 6, 11)  # the publisher's local date, not UTC's 11 June 18:30
    assert first.text.startswith("В Павлодарской области построят ветровую электростанцию\nКомпания ACWA Power")
    assert first.content_sha256 == hashlib.sha256(first.text.encode()).hexdigest()
    assert first.outlet == "Минэнерго" and first.lang == "ru"
    assert [a.item_id for a in fetch.articles] == ["news-1001", "news-1002"]


def test_an_atom_feed_is_read_like_rss(site, client):
    site.routes["/atom.xml"] = [Reply(200, ATOM, {"Content-Type": "application/atom+xml"})]
    fetch = fetch_feed(_feed(site, "/atom.xml", name="invest"), client=client, policy=FAST, today=TODAY)
    (article,) = fetch.articles
    assert article.source_file == "invest#urn:uuid:entry-1"
    assert article.url == "https://invest.example.kz/en/copper-abai"
    assert article.published == date(2025, 6, 12) and article.lang == "en" and article.outlet == "Invest Kazakhstan"


def test_an_etag_round_trip_turns_the_second_fetch_into_a_304_with_no_items(site, client):
    def route(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(304)
        return _rss_reply(ETag='"v1"')

    site.routes["/rss.xml"] = route
    feed = _feed(site)
    first = fetch_feed(feed, client=client, policy=FAST, today=TODAY)
    assert first.state.etag == '"v1"' and len(first.articles) == 2
    second = fetch_feed(feed, client=client, state=first.state, policy=FAST, today=TODAY)
    assert second.status == "not_modified" and second.articles == [] and second.state == first.state
    assert site.requests[1][1]["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(site, client):
    stamp = "Wed, 11 Jun 2025 19:00:00 GMT"

    def route(headers: dict[str, str]) -> Reply:
        return Reply(304) if headers.get("if-modified-since") == stamp else _rss_reply(**{"Last-Modified": stamp})

    site.routes["/rss.xml"] = route
    feed = _feed(site)
    first = fetch_feed(feed, client=client, policy=FAST, today=TODAY)
    assert first.state.last_modified == stamp and "if-modified-since" not in site.requests[0][1]
    assert fetch_feed(feed, client=client, state=first.state, policy=FAST, today=TODAY).status == "not_modified"


def test_a_server_that_ignores_validators_and_resends_the_same_bytes_counts_as_unchanged(site, client):
    site.routes["/rss.xml"] = [_rss_reply()]
    feed = _feed(site)
    first = fetch_feed(feed, client=client, policy=FAST, today=TODAY)
    again = fetch_feed(feed, client=client, state=first.state, policy=FAST, today=TODAY)
    assert again.status == "unchanged" and again.articles == [] and not again.changed


def test_a_500_then_success_is_retried_and_succeeds(site, client):
    site.routes["/rss.xml"] = [Reply(500, b"oops"), _rss_reply()]
    fetch = fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    assert len(fetch.articles) == 2 and fetch.requests == 2 and site.hits("/rss.xml") == 2


def test_a_persistent_500_fails_with_the_feed_and_the_reason_after_a_bounded_number_of_attempts(site, client):
    site.routes["/rss.xml"] = [Reply(500, b"oops")]
    with pytest.raises(FeedError) as caught:
        fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    assert "feed 'energo'" in str(caught.value) and "HTTP 500" in str(caught.value)
    assert "gave up after 3 attempts" in caught.value.reason and caught.value.transient
    assert site.hits("/rss.xml") == FAST.retries + 1


def test_a_404_is_not_retried(site, client):
    with pytest.raises(FeedError, match="HTTP 404") as caught:
        fetch_feed(_feed(site, "/missing.xml"), client=client, policy=FAST, today=TODAY)
    assert not caught.value.transient and site.hits("/missing.xml") == 1


def test_a_slow_response_times_out_within_the_policy(site, client):
    site.routes["/rss.xml"] = [Reply(200, RSS, delay=2.0)]
    policy = HttpPolicy(read_timeout=0.2, retries=1, backoff=0.01)
    started = time.monotonic()
    with pytest.raises(FeedError, match="timed out") as caught:
        fetch_feed(_feed(site), client=client, policy=policy, today=TODAY)
    assert time.monotonic() - started < 1.5 and caught.value.transient
    assert site.hits("/rss.xml") == 2


def test_a_redirect_is_followed_and_a_redirect_loop_is_refused(site, client):
    site.routes["/old.xml"] = [Reply(301, b"", {"Location": "/rss.xml"})]
    site.routes["/rss.xml"] = [_rss_reply()]
    fetch = fetch_feed(_feed(site, "/old.xml"), client=client, policy=FAST, today=TODAY)
    assert len(fetch.articles) == 2 and fetch.url.endswith("/rss.xml")

    site.routes["/loop.xml"] = [Reply(302, b"", {"Location": "/loop.xml"})]
    with pytest.raises(FeedError, match="redirects") as caught:
        fetch_feed(_feed(site, "/loop.xml"), client=client, policy=FAST, today=TODAY)
    assert not caught.value.transient and site.hits("/loop.xml") == FAST.max_redirects + 1


def test_a_truncated_feed_fails_with_a_clear_malformed_reason(site, client):
    site.routes["/rss.xml"] = [_rss_reply(RSS[: len(RSS) // 2])]
    with pytest.raises(FeedError) as caught:
        fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    assert caught.value.reason.startswith("malformed: not well-formed XML") and not caught.value.transient
    assert "feed 'energo'" in str(caught.value)


def test_an_html_page_served_as_the_feed_is_refused(site, client):
    site.routes["/rss.xml"] = [Reply(200, b"<html><body><p>Log in</p></body></html>", {"Content-Type": "text/html"})]
    with pytest.raises(FeedError, match="not an RSS or Atom feed|not well-formed"):
        fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)


def test_an_entity_bomb_is_refused_before_feedparser_expands_it(site, client):
    site.routes["/rss.xml"] = [_rss_reply(ENTITY_BOMB)]
    with pytest.raises(FeedError) as caught:
        fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    assert caught.value.reason.startswith("unsafe:") and "entities" in caught.value.reason


def test_a_body_over_the_size_limit_is_refused(site, client):
    site.routes["/rss.xml"] = [_rss_reply()]
    small = HttpPolicy(max_bytes=100, retries=0)
    with pytest.raises(FeedError, match="100-byte limit") as caught:
        fetch_feed(_feed(site), client=client, policy=small, today=TODAY)
    assert not caught.value.transient


def test_an_empty_channel_is_a_quiet_day_not_an_error(site, client):
    site.routes["/rss.xml"] = [_rss_reply(b'<rss version="2.0"><channel><title>t</title></channel></rss>')]
    fetch = fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    assert fetch.status == "fetched" and fetch.articles == []


def test_teaser_items_get_the_article_page_body_and_known_articles_are_not_fetched_again(site, client):
    site.routes["/rss.xml"] = [_rss_reply(TEASER_RSS.format(base=site.base).encode())]
    site.routes["/news/aktobe-plant"] = [Reply(200, ARTICLE_PAGE, {"Content-Type": "text/html; charset=utf-8"})]
    feed = _feed(site, name="akimat", fetch_articles=True)
    fetch = fetch_feed(feed, client=client, policy=FAST, page_policy=FAST, today=TODAY)
    plant, gone = fetch.articles
    assert plant.text.startswith("Новый завод в Актобе\nВ Актобе компания Aktobe Steel построит завод")
    assert "Главная" not in plant.text and "©" not in plant.text  # page chrome left out
    assert plant.content_sha256 == hashlib.sha256(plant.text.encode()).hexdigest()
    assert plant.article_id == make_article_id(site.url("/news/aktobe-plant"), "")
    assert gone.text == "Пропавшая страница\nКороткий анонс..."  # a 404 page keeps the teaser, and says so
    assert any("HTTP 404" in p and "teaser kept" in p for p in fetch.page_problems)

    again = fetch_feed(feed, client=client, policy=FAST, known_article_ids={plant.article_id, gone.article_id},
                       today=TODAY)
    assert again.articles == [] and again.skipped_known == 2
    assert site.hits("/news/aktobe-plant") == 1


def test_a_page_that_fails_transiently_leaves_the_item_out_and_the_feed_state_unadvanced(site, client):
    site.routes["/rss.xml"] = [_rss_reply(TEASER_RSS.format(base=site.base).encode(), ETag='"t1"')]
    site.routes["/news/aktobe-plant"] = [Reply(503)]
    feed = _feed(site, name="akimat", fetch_articles=True)
    old = FeedState(etag='"t0"')
    fetch = fetch_feed(feed, client=client, state=old, policy=FAST, page_policy=FAST, today=TODAY)
    assert [a.item_id for a in fetch.articles] == ["gone"]
    assert fetch.state == old and any("will retry" in p for p in fetch.page_problems)


def test_teasers_are_short_or_trail_off():
    assert is_teaser("Заголовок\nКоротко.", "Заголовок")
    assert is_teaser("T\n" + "слово " * 200 + "Подробнее", "T")
    assert not is_teaser("T\n" + "слово " * 200 + "конец.", "T")


def test_probe_feed_reports_a_change_once_then_none(site, client):
    site.routes["/rss.xml"] = lambda h: Reply(304) if h.get("if-none-match") == '"a"' else _rss_reply(ETag='"a"')
    changed, state = probe_feed(_feed(site), client=client, policy=FAST)
    assert changed and state.etag == '"a"'
    assert probe_feed(_feed(site), client=client, state=state, policy=FAST) == (False, state)


def test_backoff_doubles_between_attempts_and_honours_retry_after(site, client):
    site.routes["/x"] = [Reply(503), Reply(429, headers={"Retry-After": "1"}), Reply(200, b"ok")]
    waits: list[float] = []
    policy = HttpPolicy(retries=3, backoff=0.25, max_backoff=5)
    result = get_with_retries(client, site.url("/x"), policy=policy, sleep=waits.append)
    assert result.content == b"ok" and result.attempts == 3
    assert waits == [0.25, 1.0]  # 0.25 * 2**0, then max(0.25 * 2**1, Retry-After 1 s)


def test_get_with_retries_names_the_url_in_its_error(site, client):
    site.routes["/x"] = [Reply(403)]
    with pytest.raises(HttpFetchError, match=r"/x: HTTP 403 \(not retried\)"):
        get_with_retries(client, site.url("/x"), policy=FAST)


# --- the feed list -----------------------------------------------------------------------------------------------


def test_the_shipped_feed_list_is_valid_and_empty():
    from orchestration.settings import DEFAULT_FEEDS_CONFIG

    assert load_feed_config(DEFAULT_FEEDS_CONFIG) == []


def test_a_feed_list_entry_gets_defaults(tmp_path: Path):
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n  - name: gov-kz\n    url: https://gov.example.kz/rss\n    lang: RU\n")
    assert load_feed_config(path) == [FeedConfig(name="gov-kz", url="https://gov.example.kz/rss", lang="ru")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds:\n  - {name: Gov, url: 'https://x.kz/rss'}\n", "name 'Gov'"),
        ("feeds:\n  - {name: a, url: 'ftp://x.kz/rss'}\n", "not an http(s) url"),
        ("feeds:\n  - {name: a, url: 'https://x.kz/a'}\n  - {name: a, url: 'https://x.kz/b'}\n", "used twice"),
        ("feeds:\n  - {name: a, url: 'https://x.kz/a', fetch: true}\n", "unknown keys ['fetch']"),
        ("feeds:\n  - {name: a, url: 'https://x.kz/a', fetch_articles: 'yes'}\n", "true or false"),
        ("feeds: [\n", "not valid YAML"),
    ],
)
def test_a_broken_feed_list_names_the_file_and_the_entry(tmp_path: Path, text: str, message: str):
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    with pytest.raises(FeedConfigError, match="feeds.yaml") as caught:
        load_feed_config(path)
    assert message in str(caught.value)


# --- the warehouse and Dagster side ------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path):
    import warehouse

    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        yield con


def _current(con) -> list[tuple]:
    return con.execute(
        "select source_file, is_current from raw.feed_items order by source_file, first_seen_at"
    ).fetchall()


def test_feed_articles_are_stored_current_and_a_second_fetch_adds_nothing(site, client, db):
    from warehouse.feeds import load_feed_state, store_feed_fetch

    site.routes["/rss.xml"] = [_rss_reply(ETag='"e1"')]
    feed = _feed(site)
    fetch = fetch_feed(feed, client=client, policy=FAST, today=TODAY)
    stored = store_feed_fetch(db, fetch, "run-1")
    assert stored.new_versions == 2 and stored.seen_again == 0
    assert _current(db) == [("energo#news-1001", True), ("energo#news-1002", True)]
    assert load_feed_state(db, feed) == fetch.state
    assert db.execute("select count(*) from raw.feed_items where feed_name = 'energo'").fetchone()[0] == 2

    again = store_feed_fetch(db, fetch, "run-2")
    assert again.new_versions == 0 and again.seen_again == 2
    assert db.execute("select count(*) from raw.feed_items").fetchone()[0] == 2
    assert db.execute("select count(*) from raw.press_releases").fetchone()[0] == 0  # the folder's table
    # the validators belong to the url: a feed moved to a new url starts afresh
    assert load_feed_state(db, FeedConfig(name="energo", url=site.url("/new.xml"))) == FeedState()


def test_a_new_version_of_a_feed_article_replaces_the_old_one_as_current(site, client, db):
    from warehouse.feeds import store_feed_fetch

    site.routes["/rss.xml"] = [_rss_reply(), _rss_reply(RSS.replace("1,2 млрд".encode(), "1,3 млрд".encode()))]
    feed = _feed(site)
    store_feed_fetch(db, fetch_feed(feed, client=client, policy=FAST, today=TODAY), "run-1")
    stored = store_feed_fetch(db, fetch_feed(feed, client=client, policy=FAST, today=TODAY), "run-2")
    assert stored.new_versions == 1
    rows = db.execute(
        "select is_current, text like '%1,3 млрд%' from raw.feed_items where item_id = 'news-1001' order by 2"
    ).fetchall()
    assert rows == [(False, False), (True, True)]


def test_a_feed_item_and_a_saved_copy_of_its_page_are_versions_of_one_article(site, client, db):
    """Same url: one article. The later publication date wins, whichever table the version is in."""
    from warehouse.feeds import store_feed_fetch

    site.routes["/rss.xml"] = [_rss_reply()]
    fetch = fetch_feed(_feed(site), client=client, policy=FAST, today=TODAY)
    feed_copy = fetch.articles[0]
    db.execute(
        """insert into raw.press_releases (article_id, content_sha256, file_sha256, source_file, file_name, format,
           text, published, first_seen_at, last_seen_at, is_present, is_current) values (?, 'folder-sha', 'f',
           'wind.html', 'wind.html', 'html', 'full text', ?, now(), now(), true, true)""",
        [feed_copy.article_id, feed_copy.published - timedelta(days=1)],
    )
    store_feed_fetch(db, fetch, "run-1")
    assert _current(db) == [("energo#news-1001", True), ("energo#news-1002", True)]
    assert db.execute("select is_present, is_current from raw.press_releases").fetchall() == [(True, False)]


def _materialize(tmp_path: Path, feeds_yaml: str, warehouse: Path):
    import dagster as dg

    from orchestration.defs.feeds import FeedsResource, raw_feed_items
    from orchestration.resources import WarehouseResource

    config = tmp_path / "feeds.yaml"
    config.write_text(feeds_yaml)
    return dg.materialize(
        [raw_feed_items],
        resources={
            "warehouse_db": WarehouseResource(path=str(warehouse)),
            "feeds": FeedsResource(config_path=str(config), timeout_seconds=1, retries=0),
        },
        raise_on_error=False,
    )


def test_the_asset_stores_feed_articles_and_a_later_failing_feed_fails_loudly_keeping_them(site, tmp_path):
    import duckdb

    site.routes["/rss.xml"] = [_rss_reply(), _rss_reply(b"<rss><channel><item>")]
    warehouse = tmp_path / "w.duckdb"
    feeds_yaml = f"feeds:\n  - name: energo\n    url: {site.url('/rss.xml')}\n"
    first = _materialize(tmp_path, feeds_yaml, warehouse)
    assert first.success
    (materialization,) = first.asset_materializations_for_node("raw__feed_items")
    assert materialization.metadata["new_versions"].value == 2

    second = _materialize(tmp_path, feeds_yaml, warehouse)
    assert not second.success
    failure = next(e for e in second.all_events if e.event_type_value == "STEP_FAILURE")
    assert "feed 'energo'" in failure.event_specific_data.error.message
    assert "malformed" in failure.event_specific_data.error.message
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from raw.feed_items where is_current").fetchone()[0] == 2
        status, error = con.execute("select last_status, last_error from state.feed_state").fetchone()
        assert status == "error" and "malformed" in error
    finally:
        con.close()


def test_with_no_feed_configured_the_asset_does_nothing_and_says_so(tmp_path):
    result = _materialize(tmp_path, "feeds: []\n", tmp_path / "w.duckdb")
    assert result.success
    (materialization,) = result.asset_materializations_for_node("raw__feed_items")
    assert materialization.metadata["feeds"].value == 0
    assert not (tmp_path / "w.duckdb").exists()  # not even the warehouse is opened


def test_each_feed_gets_a_stopped_sensor_that_requests_a_run_for_that_feed_only_when_it_changed(site):
    import dagster as dg

    from orchestration.defs.feed_sensors import FEED_OP_NAME, build_feed_sensors

    site.routes["/rss.xml"] = lambda h: Reply(304) if h.get("if-none-match") == '"s1"' else _rss_reply(ETag='"s1"')
    (sensor,) = build_feed_sensors([FeedConfig(name="gov-kz", url=site.url("/rss.xml"), poll_minutes=15)])
    assert sensor.name == "feed_gov_kz_sensor" and sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert sensor.minimum_interval_seconds == 15 * 60 and sensor.job_name == "feeds_refresh"

    first = sensor.evaluate_tick(dg.build_sensor_context())
    (request,) = first.run_requests
    assert request.run_config["ops"][FEED_OP_NAME]["config"] == {"feeds": ["gov-kz"]}
    second = sensor.evaluate_tick(dg.build_sensor_context(cursor=first.cursor))
    assert second.run_requests == [] and "unchanged" in second.skip_message


def test_two_feed_names_that_would_share_a_sensor_are_refused():
    from orchestration.defs.feed_sensors import build_feed_sensors

    with pytest.raises(FeedConfigError, match="share the sensor"):
        build_feed_sensors([FeedConfig("gov-kz", "https://a.kz/rss"), FeedConfig("gov_kz", "https://b.kz/rss")])
