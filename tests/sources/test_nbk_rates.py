"""The National Bank of Kazakhstan rates connector, against recorded responses served on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from sources.nbk_rates import NbkRatesParseError, RateFeedError, fetch_nbk_rates, nbk_rates_url, parse_nbk_rates

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nbk"
RATES_2013 = (FIXTURES / "nbk_get_rates_2013-04-24.xml").read_bytes()
# The saved rates_all.xml response is read from ../shared at run time (its XML prolog matches a dev-corpus
# feed word for word, so the repo does not carry a copy); the tests that need it skip without ../shared.
RATES_ALL_2016_PATH = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "rates" / "nbk_rates_all_2016-04-18.xml"
)


@pytest.fixture(scope="module")
def rates_all_2016() -> bytes:
    if not RATES_ALL_2016_PATH.is_file():
        pytest.skip("../shared/reference/rates is not beside the repo")
    return RATES_ALL_2016_PATH.read_bytes()

D_2013 = date(2013, 4, 24)
D_2016 = date(2016, 4, 18)


def by_currency(rows: list[dict]) -> dict[str, dict]:
    return {row["currency"]: row for row in rows}


# --- parsing ------------------------------------------------------------------------------------------------------


def test_get_rates_format_gives_every_item_the_feed_date():
    rows = parse_nbk_rates(RATES_2013)
    assert len(rows) == 34
    assert {row["rate_date"] for row in rows} == {D_2013}
    assert by_currency(rows)["USD"] == {
        "rate_date": D_2013,
        "currency": "USD",
        "kzt_per_unit": 151.09,
        "quant": 1,
        "kzt_rate": 151.09,
    }
    assert by_currency(rows)["EUR"]["kzt_rate"] == 196.13


def test_rates_quoted_per_100_or_10_units_are_divided_by_quant():
    rows = by_currency(parse_nbk_rates(RATES_2013))
    assert (rows["KRW"]["quant"], rows["KRW"]["kzt_rate"]) == (100, 13.47)
    assert rows["KRW"]["kzt_per_unit"] == pytest.approx(0.1347)
    assert rows["HUF"]["quant"] == 10
    assert rows["HUF"]["kzt_per_unit"] == pytest.approx(0.065)


def test_rss_variant_takes_each_items_own_pubdate_so_discontinued_currencies_keep_old_dates(rates_all_2016):
    rows = by_currency(parse_nbk_rates(rates_all_2016))
    assert len(rows) == 42
    assert rows["USD"]["rate_date"] == D_2016
    assert rows["USD"]["kzt_rate"] == 334.41
    assert rows["LVL"]["rate_date"] == date(2013, 12, 31)
    assert rows["EEK"]["rate_date"] == date(2010, 12, 31)
    assert rows["TRL"]["rate_date"] == date(2005, 1, 5)
    assert rows["KRW"]["kzt_per_unit"] == pytest.approx(0.2915)


def test_malformed_rates_xml_raises_a_parse_error():
    with pytest.raises(NbkRatesParseError, match="malformed XML"):
        parse_nbk_rates(RATES_2013[:500])


def test_rates_xml_with_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rates><date>&a;</date></rates>'
    with pytest.raises(NbkRatesParseError, match="unsafe"):
        parse_nbk_rates(bomb)


def test_item_with_a_non_numeric_rate_raises_instead_of_guessing():
    body = (
        b"<rates><date>24.04.2013</date><item><title>USD</title><description>n/a</description>"
        b"<quant>1</quant></item></rates>"
    )
    with pytest.raises(NbkRatesParseError, match="USD"):
        parse_nbk_rates(body)


def test_items_without_any_date_raise():
    with pytest.raises(NbkRatesParseError, match="no <pubDate>"):
        parse_nbk_rates(b"<rates><item><title>USD</title><description>1</description></item></rates>")


def test_request_url_uses_day_month_year_with_dots():
    assert nbk_rates_url(D_2013, "http://h/get_rates.cfm") == "http://h/get_rates.cfm?fdate=24.04.2013"


# --- fetching from a local server ---------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0


@dataclass
class FakeNbk:
    """Scripted replies per fdate (consumed in order; the last one repeats) and a log of requested fdates."""

    base_url: str
    script: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def nbk_server() -> Iterator[FakeNbk]:
    fake = FakeNbk(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            fdate = parse_qs(urlparse(self.path).query).get("fdate", [""])[0]
            fake.requests.append(fdate)
            replies = fake.script.get(fdate) or [Reply(404, b"not found")]
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (the timeout test)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep pytest output quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/rss/get_rates.cfm"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def fetch(fake: FakeNbk, dates: list[date], **kwargs) -> list[dict]:
    options = {"timeout": 2, "retries": 2, "backoff": 0.01} | kwargs
    return fetch_nbk_rates(dates, base_url=fake.base_url, **options)


def test_fetch_requests_each_date_and_returns_rows_with_the_source_url(nbk_server, rates_all_2016):
    nbk_server.script = {"24.04.2013": [Reply(body=RATES_2013)], "18.04.2016": [Reply(body=rates_all_2016)]}
    rows = fetch(nbk_server, [D_2013, D_2016, D_2013])
    assert nbk_server.requests == ["24.04.2013", "18.04.2016"]  # each date once
    assert len(rows) == 34 + 42
    usd_2013 = next(r for r in rows if r["currency"] == "USD" and r["requested_date"] == D_2013)
    assert usd_2013["kzt_per_unit"] == 151.09
    assert usd_2013["source_url"] == f"{nbk_server.base_url}?fdate=24.04.2013"


def test_fetch_retries_after_a_server_error_and_then_succeeds(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(500, b"oops"), Reply(503, b"busy"), Reply(body=RATES_2013)]}
    rows = fetch(nbk_server, [D_2013])
    assert nbk_server.requests == ["24.04.2013"] * 3
    assert by_currency(rows)["USD"]["kzt_rate"] == 151.09


def test_fetch_gives_up_after_the_retries_and_names_the_date_url_and_reason(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(500, b"oops")]}
    with pytest.raises(RateFeedError) as caught:
        fetch(nbk_server, [D_2013], retries=2)
    assert len(nbk_server.requests) == 3
    message = str(caught.value)
    assert "24.04.2013" in message and nbk_server.base_url in message and "HTTP 500" in message
    assert caught.value.rate_date == D_2013


def test_fetch_times_out_on_a_slow_response_and_raises(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(body=RATES_2013, delay=1.0)]}
    started = time.monotonic()
    with pytest.raises(RateFeedError, match="timed out"):
        fetch(nbk_server, [D_2013], timeout=0.2, retries=1)
    assert time.monotonic() - started < 2.0
    assert len(nbk_server.requests) == 2


def test_fetch_recovers_when_a_slow_response_is_followed_by_a_fast_one(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(body=RATES_2013, delay=1.0), Reply(body=RATES_2013)]}
    rows = fetch(nbk_server, [D_2013], timeout=0.2, retries=1)
    assert len(rows) == 34


def test_fetch_raises_on_a_malformed_body_without_inventing_rates(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(body=RATES_2013[: len(RATES_2013) // 2])]}
    with pytest.raises(RateFeedError, match="not NBK rates XML"):
        fetch(nbk_server, [D_2013])
    assert len(nbk_server.requests) == 1  # a broken document is not a transient failure


def test_fetch_does_not_retry_a_client_error(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(404, b"nope")]}
    with pytest.raises(RateFeedError, match="HTTP 404"):
        fetch(nbk_server, [D_2013])
    assert len(nbk_server.requests) == 1


def test_fetch_raises_when_nothing_listens_on_the_port():
    with pytest.raises(RateFeedError, match="network error"):
        fetch_nbk_rates([D_2013], base_url="http://127.0.0.1:9/get_rates.cfm", timeout=0.5, retries=1, backoff=0.01)


def test_fetch_uses_a_client_that_is_passed_in(nbk_server):
    nbk_server.script = {"24.04.2013": [Reply(body=RATES_2013)]}
    with httpx.Client() as client:
        rows = fetch(nbk_server, [D_2013], client=client)
        assert not client.is_closed  # a borrowed client is left open for its owner
    assert len(rows) == 34
