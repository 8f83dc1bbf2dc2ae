"""Live RSS/Atom feeds listed in a config file: fetched over HTTP, parsed safely, items turned into `Article`s.

Pure connector (httpx, no Dagster, no DuckDB). One call, `fetch_feed`, does for one feed what a polite reader does:
- a conditional GET with the ETag / Last-Modified kept from the previous fetch (`FeedState`): 304 means nothing new,
  and a 200 whose body hashes like the last one is treated the same (some servers ignore validators);
- retries with exponential backoff on 5xx/429, timeouts and network errors, a bounded number of redirects, a size
  limit and a per-attempt deadline (sources/http.py);
- the body goes through the folder reader's feed parser (`parse_rss_feed`: defusedxml refuses entity bombs and
  external entities before feedparser sees the bytes), so an item becomes the same `Article` as an item of a feed
  file dropped in the input folder: article_id from the item url, source_file "<feed name>#<guid>", the
  publisher's local date, text = title + "\\n" + description;
- when the feed only carries teasers and `fetch_articles` is on, the article page of each new item is fetched and
  its body (div.article-body / <article>, else trafilatura: `parse_html_article`) replaces the teaser.
A feed that cannot be had raises `FeedError` naming the feed, the url and the reason; nothing is half-returned.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import httpx
import yaml

from sources.http import HttpFetchError, HttpPolicy, get_with_retries
from sources.models import Article, Rejection
from sources.press_releases import InputRejected, parse_html_article, parse_rss_feed
from sources.text_decoding import UndecodableTextError, decode_text, sniff_binary_signature

# Feed names become sensor and file-like names ("<name>#<guid>"): keep them to safe, stable characters.
FEED_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
# A description this short, or one that trails off, is a teaser rather than the article.
TEASER_MAX_CHARS = 600
_TEASER_END_RE = re.compile(r"(\.\.\.|…|\[…\]|\[\.\.\.\]|читать далее|подробнее|read more)\s*$", re.IGNORECASE)
_CHARSET_RE = re.compile(r"charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class FeedConfigError(ValueError):
    """The feed list cannot be used: names the file, the entry and what is wrong."""


class FeedError(RuntimeError):
    """A feed could not be fetched or parsed: names the feed, its url and the reason."""

    def __init__(self, feed_name: str, url: str, reason: str, *, transient: bool):
        super().__init__(f"feed {feed_name!r} ({url}): {reason}")
        self.feed_name = feed_name
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class FeedConfig:
    """One entry of config/feeds.yaml."""

    name: str
    url: str
    lang: str | None = None  # overrides the feed's own language tag when set
    outlet: str | None = None  # overrides the channel title as the outlet when set
    fetch_articles: bool = False  # fetch the article page of each new item whose description is a teaser
    poll_minutes: int = 30  # how often the feed's sensor looks for changes


@dataclass(frozen=True)
class FeedState:
    """What the previous fetch left behind for the next conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None


@dataclass
class FeedFetch:
    """The outcome of one fetch of one feed.

    status: "not_modified" (HTTP 304), "unchanged" (200 with the same bytes as last time) or "fetched".
    `state` is what to keep for the next request; it stays the previous one when an article page failed
    transiently, so that the next fetch sees the feed again and retries those items.
    """

    feed: FeedConfig
    status: str
    state: FeedState
    url: str
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    page_problems: list[str] = field(default_factory=list)
    skipped_known: int = 0
    requests: int = 0

    @property
    def changed(self) -> bool:
        return self.status == "fetched"


# ---------------------------------------------------------------------------------------------------------------
# The feed list


def load_feed_config(path: Path) -> list[FeedConfig]:
    """Feeds of a YAML file `{feeds: [{name, url, lang?, outlet?, fetch_articles?, poll_minutes?}, ...]}`.

    An empty file or an empty list means no feeds. Unknown keys, duplicate names and non-http(s) urls are errors.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FeedConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise FeedConfigError(f"{path}: not valid YAML ({exc})") from exc
    if raw is None:
        return []
    if not isinstance(raw, dict) or set(raw) - {"feeds"}:
        raise FeedConfigError(f"{path}: expected a mapping with one key, 'feeds' (a list)")
    entries = raw.get("feeds") or []
    if not isinstance(entries, list):
        raise FeedConfigError(f"{path}: 'feeds' must be a list")
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        feed = _feed_entry(entry, f"{path}: feed {index}")
        if feed.name in seen:
            raise FeedConfigError(f"{path}: feed {index}: name {feed.name!r} is used twice")
        seen.add(feed.name)
        feeds.append(feed)
    return feeds


def _feed_entry(entry: object, where: str) -> FeedConfig:
    if not isinstance(entry, dict):
        raise FeedConfigError(f"{where}: expected a mapping with at least 'name' and 'url'")
    allowed = {"name", "url", "lang", "outlet", "fetch_articles", "poll_minutes"}
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise FeedConfigError(f"{where}: unknown keys {unknown} (allowed: {sorted(allowed)})")
    name, url = entry.get("name"), entry.get("url")
    if not isinstance(name, str) or not FEED_NAME_RE.match(name):
        raise FeedConfigError(f"{where}: name {name!r} must be lowercase letters, digits, '-' or '_' (max 63)")
    if not isinstance(url, str) or not re.match(r"(?i)^https?://[^\s/]+", url.strip()):
        raise FeedConfigError(f"{where} ({name}): url {url!r} is not an http(s) url")
    fetch_articles = entry.get("fetch_articles", False)
    if not isinstance(fetch_articles, bool):
        raise FeedConfigError(f"{where} ({name}): fetch_articles must be true or false")
    poll_minutes = entry.get("poll_minutes", 30)
    if not isinstance(poll_minutes, int) or isinstance(poll_minutes, bool) or poll_minutes < 1:
        raise FeedConfigError(f"{where} ({name}): poll_minutes must be a whole number of minutes >= 1")
    lang, outlet = entry.get("lang"), entry.get("outlet")
    for key, value in (("lang", lang), ("outlet", outlet)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise FeedConfigError(f"{where} ({name}): {key} must be a non-empty string when given")
    return FeedConfig(
        name=name,
        url=url.strip(),
        lang=lang.strip().lower() if lang else None,
        outlet=outlet.strip() if outlet else None,
        fetch_articles=fetch_articles,
        poll_minutes=poll_minutes,
    )


# ---------------------------------------------------------------------------------------------------------------
# Fetching


def conditional_headers(state: FeedState | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the previous response's validators."""
    headers: dict[str, str] = {}
    if state and state.etag:
        headers["If-None-Match"] = state.etag
    if state and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _request_feed(
    feed: FeedConfig, client: httpx.Client, state: FeedState | None, policy: HttpPolicy | None
) -> tuple[str, FeedState, bytes, str, int]:
    """(status, new state, body, final url, attempts) for one conditional GET of the feed."""
    try:
        result = get_with_retries(
            client,
            feed.url,
            policy=policy,
            headers={"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
                     **conditional_headers(state)},
            accept_status=frozenset({200, 304}),
        )
    except HttpFetchError as exc:
        raise FeedError(feed.name, feed.url, exc.reason, transient=exc.transient) from exc
    previous = state or FeedState()
    if result.status_code == 304:
        return "not_modified", previous, b"", result.url, result.attempts
    body_sha = hashlib.sha256(result.content).hexdigest()
    new_state = FeedState(
        etag=result.headers.get("etag"),
        last_modified=result.headers.get("last-modified"),
        body_sha256=body_sha,
    )
    status = "unchanged" if previous.body_sha256 == body_sha else "fetched"
    return status, new_state, result.content, result.url, result.attempts


def probe_feed(
    feed: FeedConfig, *, client: httpx.Client, state: FeedState | None = None, policy: HttpPolicy | None = None
) -> tuple[bool, FeedState]:
    """(has the feed changed since `state`?, state to keep): one conditional GET, no parsing (for sensors)."""
    status, new_state, _body, _url, _attempts = _request_feed(feed, client, state, policy)
    return status == "fetched", new_state


def fetch_feed(
    feed: FeedConfig,
    *,
    client: httpx.Client,
    state: FeedState | None = None,
    policy: HttpPolicy | None = None,
    page_policy: HttpPolicy | None = None,
    known_article_ids: Collection[str] = frozenset(),
    today: date | None = None,
) -> FeedFetch:
    """Fetch one feed (conditionally) and turn its items into articles; raises FeedError when it cannot.

    `known_article_ids` are articles already stored: with `fetch_articles` on, their pages are not fetched again
    and they are left out of the result (a teaser must not replace the full text kept earlier).
    """
    status, new_state, body, final_url, attempts = _request_feed(feed, client, state, policy)
    fetch = FeedFetch(feed=feed, status=status, state=new_state, url=final_url, requests=attempts)
    if status != "fetched":
        return fetch
    # a publisher east of UTC (Kazakhstan is UTC+5) dates items "tomorrow" for part of our day: one day's grace
    today = today or date.today() + timedelta(days=1)
    parsed_articles, fetch.rejections = parse_feed_bytes(feed, body, today=today)
    for article in parsed_articles:
        if feed.fetch_articles and article.article_id in known_article_ids:
            fetch.skipped_known += 1
            continue
        if feed.fetch_articles and article.url and is_teaser(article.text, article.title):
            try:
                article, page_requests = fetch_article_page(feed, article, client=client, policy=page_policy,
                                                            today=today)
                fetch.requests += page_requests
            except HttpFetchError as exc:
                fetch.requests += 1
                if exc.transient:
                    # leave the item out and keep the old validators: the next fetch sees it again
                    fetch.page_problems.append(f"{article.source_file}: page {exc.url}: {exc.reason} (will retry)")
                    fetch.state = state or FeedState()
                    continue
                fetch.page_problems.append(f"{article.source_file}: page {exc.url}: {exc.reason} (teaser kept)")
            except InputRejected as rejected:
                fetch.page_problems.append(f"{rejected.message} (teaser kept)")
        fetch.articles.append(article)
    return fetch


def parse_feed_bytes(
    feed: FeedConfig, data: bytes, *, today: date | None = None
) -> tuple[list[Article], list[Rejection]]:
    """Articles and per-item rejections of a feed body; FeedError (not transient) when the body is not a feed."""
    signature = sniff_binary_signature(data)
    if signature:
        raise FeedError(feed.name, feed.url, f"binary data ({signature} file signature), not an RSS/Atom feed",
                        transient=False)
    try:
        result = parse_rss_feed(data, feed.name, today=today)
    except InputRejected as rejected:
        # an empty channel is a quiet day, not an error
        if rejected.reason == "not_an_article" and rejected.message.endswith("feed has no items"):
            return [], []
        reason = rejected.message.removeprefix(f"{feed.name}: ")
        raise FeedError(feed.name, feed.url, f"{rejected.reason}: {reason}", transient=False) from rejected
    articles = [_apply_feed_config(feed, a) for a in result.articles]
    return articles, result.rejections


def _apply_feed_config(feed: FeedConfig, article: Article) -> Article:
    changes: dict[str, str] = {}
    if feed.outlet:
        changes["outlet"] = feed.outlet
    if feed.lang:
        changes["lang"] = feed.lang
    return replace(article, **changes) if changes else article


def is_teaser(text: str, title: str | None = None) -> bool:
    """True when an item's description is only a lead-in: short, or trailing off ("...", "Подробнее")."""
    description = text[len(title) + 1:] if title and text.startswith(title + "\n") else text
    description = description.strip()
    return len(description) < TEASER_MAX_CHARS or bool(_TEASER_END_RE.search(description))


def fetch_article_page(
    feed: FeedConfig,
    article: Article,
    *,
    client: httpx.Client,
    policy: HttpPolicy | None = None,
    today: date | None = None,
) -> tuple[Article, int]:
    """The item with its text replaced by the article page's body (title + "\\n" + body); (article, requests).

    Raises HttpFetchError when the page cannot be fetched and InputRejected when it holds no article body.
    Keeps the item's id, url and metadata; takes the page's date or language only where the item had none.
    """
    if not article.url:
        raise ValueError(f"{article.source_file}: the item has no link, so no article page")
    result = get_with_retries(client, article.url, policy=policy, headers={"Accept": "text/html, */*;q=0.5"})
    match = _CHARSET_RE.search(result.headers.get("content-type", ""))
    try:
        html_text, _encoding = decode_text(result.content, declared_encoding=match.group(1) if match else None)
    except UndecodableTextError as exc:
        raise InputRejected("encoding", f"{article.source_file}: article page {article.url}: {exc}") from exc
    page = parse_html_article(
        html_text,
        f"{article.source_file} (page {article.url})",
        file_sha256=hashlib.sha256(result.content).hexdigest(),
        today=today,
    )
    text = f"{article.title}\n{page.text}" if article.title else page.text
    return (
        replace(
            article,
            text=text,
            content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            file_sha256=page.file_sha256,
            published=article.published or page.published,
            published_precision=article.published_precision if article.published else page.published_precision,
            lang=article.lang or page.lang,
        ),
        result.attempts,
    )
