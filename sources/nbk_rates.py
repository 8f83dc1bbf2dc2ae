"""Official exchange rates of the National Bank of Kazakhstan (NBK): parse its XML feed and fetch dates over HTTP.

`https://nationalbank.kz/rss/get_rates.cfm?fdate=DD.MM.YYYY` answers with `<rates><date>DD.MM.YYYY</date><item>...`
(`title` = ISO code, `description` = tenge per `quant` units). The `rss/rates_all.xml` variant is RSS 2.0 with a
`<pubDate>DD.MM.YY` per item; discontinued currencies keep their last date there, so every item carries its own
date. Rates are only ever read from a response: a date that cannot be fetched raises `RateFeedError`, it is never
filled in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as DefusedET
import httpx

NBK_RATES_URL = "https://nationalbank.kz/rss/get_rates.cfm"
_RETRYABLE_STATUS = {429, 500, 502, 503, 504}


class NbkRatesParseError(ValueError):
    """The body is not an NBK rates document (malformed XML, unsafe XML, missing dates or bad numbers)."""


class RateFeedError(RuntimeError):
    """The NBK feed could not give rates for a date; names the date, the url and the reason."""

    def __init__(self, rate_date: date, url: str, reason: str):
        super().__init__(f"NBK rates for {rate_date:%d.%m.%Y} ({url}): {reason}")
        self.rate_date = rate_date
        self.url = url
        self.reason = reason


def _child_text(item: Element, name: str) -> str | None:
    child = item.find(name)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _parse_nbk_date(value: str) -> date:
    for fmt in ("%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise NbkRatesParseError(f"date {value!r} is not DD.MM.YYYY or DD.MM.YY")


def _parse_number(value: str | None, what: str, currency: str) -> Decimal:
    if value is None:
        raise NbkRatesParseError(f"{currency}: {what} is missing")
    try:
        number = Decimal(value.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation as exc:
        raise NbkRatesParseError(f"{currency}: {what} {value!r} is not a number") from exc
    if not number.is_finite() or number <= 0:
        raise NbkRatesParseError(f"{currency}: {what} {value!r} is not a positive number")
    return number


def parse_nbk_rates(xml_bytes: bytes) -> list[dict]:
    """Rows (rate_date, currency, kzt_per_unit, quant, kzt_rate) from either NBK rates XML format.

    `kzt_rate` is the published figure (tenge per `quant` units), `kzt_per_unit` = kzt_rate / quant.
    """
    try:
        root = DefusedET.fromstring(xml_bytes, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise NbkRatesParseError(f"unsafe XML refused ({exc.__class__.__name__})") from exc
    except ParseError as exc:
        raise NbkRatesParseError(f"malformed XML ({exc})") from exc
    if root.tag == "rss":
        container = root.find("channel")
        if container is None:
            raise NbkRatesParseError("RSS document without <channel>")
    elif root.tag == "rates":
        container = root
    else:
        raise NbkRatesParseError(f"root element <{root.tag}> is neither <rates> nor <rss>")
    feed_date_text = _child_text(container, "date")
    feed_date = _parse_nbk_date(feed_date_text) if feed_date_text else None

    rows: list[dict] = []
    for item in container.findall("item"):
        currency = (_child_text(item, "title") or "").upper()
        if len(currency) != 3 or not currency.isalpha():
            raise NbkRatesParseError(f"item title {currency!r} is not a 3-letter currency code")
        item_date_text = _child_text(item, "pubDate")
        rate_date = _parse_nbk_date(item_date_text) if item_date_text else feed_date
        if rate_date is None:
            raise NbkRatesParseError(f"{currency}: no <pubDate> on the item and no <date> for the feed")
        kzt_rate = _parse_number(_child_text(item, "description"), "rate", currency)
        quant = _parse_number(_child_text(item, "quant") or "1", "quant", currency)
        if quant != quant.to_integral_value():
            raise NbkRatesParseError(f"{currency}: quant {quant} is not a whole number")
        rows.append(
            {
                "rate_date": rate_date,
                "currency": currency,
                "kzt_per_unit": float(kzt_rate / quant),
                "quant": int(quant),
                "kzt_rate": float(kzt_rate),
            }
        )
    return rows


def nbk_rates_url(rate_date: date, base_url: str = NBK_RATES_URL) -> str:
    """The request url for one date: `<base_url>?fdate=DD.MM.YYYY`."""
    return f"{base_url}?fdate={rate_date:%d.%m.%Y}"


def fetch_nbk_rates(
    dates: Iterable[date],
    *,
    base_url: str = NBK_RATES_URL,
    client: httpx.Client | None = None,
    timeout: float = 10,
    retries: int = 3,
    backoff: float = 0.5,
) -> list[dict]:
    """Fetch and parse the NBK rates for each date (each once), retrying 5xx/429, timeouts and network errors.

    `retries` is the number of attempts after the first; the wait doubles from `backoff` seconds. Each row also
    carries `requested_date` and `source_url` (the feed may answer for a date with the last published rates).
    Raises RateFeedError when a date cannot be had: 4xx, retries exhausted, or a body that is not rates XML.
    """
    own_client = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    rows: list[dict] = []
    try:
        for requested in dict.fromkeys(dates):
            url = nbk_rates_url(requested, base_url)
            body = _get_with_retries(http, url, requested, timeout=timeout, retries=retries, backoff=backoff)
            try:
                parsed = parse_nbk_rates(body)
            except NbkRatesParseError as exc:
                raise RateFeedError(requested, url, f"response is not NBK rates XML: {exc}") from exc
            for row in parsed:
                rows.append({**row, "requested_date": requested, "source_url": url})
    finally:
        if own_client:
            http.close()
    return rows


def _get_with_retries(
    http: httpx.Client, url: str, requested: date, *, timeout: float, retries: int, backoff: float
) -> bytes:
    last_problem = "no attempt made"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            response = http.get(url, timeout=timeout)
        except httpx.TimeoutException as exc:
            last_problem = f"timed out after {timeout} s ({exc.__class__.__name__})"
            continue
        except httpx.TransportError as exc:
            last_problem = f"network error ({exc.__class__.__name__}: {exc})"
            continue
        if response.status_code in _RETRYABLE_STATUS:
            last_problem = f"HTTP {response.status_code}"
            continue
        if response.status_code != 200:
            raise RateFeedError(requested, url, f"HTTP {response.status_code} (not retried)")
        return response.content
    raise RateFeedError(requested, url, f"gave up after {retries + 1} attempts; last: {last_problem}")
