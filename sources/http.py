"""Shared HTTP plumbing for the live connectors: one client policy, retries with backoff, bounded bodies.

Plain httpx, no Dagster. What is retried: HTTP 429 and 5xx, timeouts and network errors (the kind of failure that
a later attempt can cure). What is not: other 4xx, too many redirects, a body over the size limit. Every failure
raises `HttpFetchError` naming the url, the reason and whether it was transient, so an asset can fail loudly and
let Dagster's retry policy decide about the transient ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
USER_AGENT = "invest-tracker/0.1 (press-release monitor)"


class HttpFetchError(RuntimeError):
    """A url could not be fetched; `reason` says why, `transient` whether a later attempt may succeed."""

    def __init__(self, url: str, reason: str, *, transient: bool, status_code: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.status_code = status_code


@dataclass(frozen=True)
class HttpPolicy:
    """Timeouts, retries and limits for one kind of request.

    `retries` counts the attempts after the first; the wait doubles from `backoff` seconds (capped at
    `max_backoff`; a Retry-After header within the cap is honoured). `deadline` bounds one attempt from the request
    to the last body byte, so a server that drips bytes slower than the read timeout still gives up.
    """

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    deadline: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.read_timeout, connect=self.connect_timeout)


@dataclass(frozen=True)
class HttpResult:
    """A response read within the limits: final url (after redirects), status, headers and the whole body."""

    url: str
    status_code: int
    headers: Mapping[str, str]
    content: bytes
    attempts: int


def make_client(policy: HttpPolicy | None = None) -> httpx.Client:
    """An httpx client that follows a bounded number of redirects and identifies itself."""
    policy = policy or HttpPolicy()
    return httpx.Client(
        timeout=policy.timeout(),
        follow_redirects=True,
        max_redirects=policy.max_redirects,
        headers={"User-Agent": USER_AGENT},
    )


def get_with_retries(
    client: httpx.Client,
    url: str,
    *,
    policy: HttpPolicy | None = None,
    headers: Mapping[str, str] | None = None,
    accept_status: frozenset[int] = frozenset({200}),
    sleep: Callable[[float], None] = time.sleep,
) -> HttpResult:
    """GET `url`, retrying transient failures; returns a response whose status is in `accept_status`.

    Raises HttpFetchError: not transient for other 4xx/3xx, redirect loops and oversized bodies; transient when the
    retries ran out on 5xx/429, timeouts or network errors.
    """
    policy = policy or HttpPolicy()
    last_problem = "no attempt made"
    last_status: int | None = None
    for attempt in range(policy.retries + 1):
        try:
            status, response_headers, content, final_url = _get_once(client, url, policy, headers)
        except httpx.TooManyRedirects as exc:
            raise HttpFetchError(url, f"more than {policy.max_redirects} redirects ({exc})", transient=False) from exc
        except httpx.TimeoutException as exc:
            last_problem, last_status = f"timed out ({exc.__class__.__name__}, limit {policy.read_timeout} s)", None
        except _DeadlineExceeded:
            last_problem, last_status = f"response took longer than {policy.deadline} s", None
        except httpx.TransportError as exc:
            last_problem, last_status = f"network error ({exc.__class__.__name__}: {exc})", None
        else:
            if status in accept_status:
                return HttpResult(final_url, status, response_headers, content, attempt + 1)
            if status not in RETRYABLE_STATUS:
                raise HttpFetchError(url, f"HTTP {status} (not retried)", transient=False, status_code=status)
            last_problem, last_status = f"HTTP {status}", status
            retry_after = _retry_after_seconds(response_headers.get("retry-after"))
            if attempt < policy.retries:
                sleep(_wait(policy, attempt, retry_after))
            continue
        if attempt < policy.retries:
            sleep(_wait(policy, attempt, None))
    raise HttpFetchError(
        url,
        f"gave up after {policy.retries + 1} attempts; last: {last_problem}",
        transient=True,
        status_code=last_status,
    )


class _DeadlineExceeded(Exception):
    pass


def _get_once(
    client: httpx.Client, url: str, policy: HttpPolicy, headers: Mapping[str, str] | None
) -> tuple[int, Mapping[str, str], bytes, str]:
    started = time.monotonic()
    with client.stream("GET", url, headers=dict(headers or {}), timeout=policy.timeout()) as response:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > policy.max_bytes:
            raise HttpFetchError(
                url, f"body of {int(declared):,} bytes is over the {policy.max_bytes:,}-byte limit", transient=False
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > policy.max_bytes:
                raise HttpFetchError(url, f"body is over the {policy.max_bytes:,}-byte limit", transient=False)
            if time.monotonic() - started > policy.deadline:
                raise _DeadlineExceeded()
            chunks.append(chunk)
        return response.status_code, response.headers, b"".join(chunks), str(response.url)


def _retry_after_seconds(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _wait(policy: HttpPolicy, attempt: int, retry_after: float | None) -> float:
    wait = min(policy.backoff * 2**attempt, policy.max_backoff)
    if retry_after is not None:
        wait = max(wait, min(retry_after, policy.max_backoff))
    return wait
