"""The day-partitioned National Bank rates asset, against a local server serving a recorded feed response."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

import warehouse
from orchestration.defs.rates import NbkRatesResource, fx_rates_daily, publication_days_without_rates
from orchestration.resources import WarehouseResource

RECORDED = (Path(__file__).resolve().parents[1] / "fixtures" / "nbk" / "nbk_get_rates_2013-04-24.xml").read_bytes()


@pytest.fixture
def feed_server():
    """Serves the recorded 24.04.2013 response for fdate=24.04.2013 and a 500 for any other day."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append(self.path)
            ok = "fdate=24.04.2013" in self.path
            self.send_response(200 if ok else 500)
            self.send_header("Content-Type", "text/xml")
            self.end_headers()
            self.wfile.write(RECORDED if ok else b"server error")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/rss/get_rates.cfm", requests
    server.shutdown()
    server.server_close()


def _materialize(tmp_path: Path, base_url: str, day: str) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [fx_rates_daily],
        partition_key=day,
        resources={
            "warehouse_db": WarehouseResource(path=str(tmp_path / "w.duckdb")),
            "nbk_rates": NbkRatesResource(base_url=base_url, timeout_seconds=2, retries=0),
        },
        raise_on_error=False,
    )


def test_a_days_partition_stores_the_official_rates_of_that_day(tmp_path, feed_server):
    base_url, requests = feed_server
    result = _materialize(tmp_path, base_url, "2013-04-24")
    assert result.success
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    rates = dict(con.execute("select currency, kzt_rate / quant from raw.fx_rates_daily").fetchall())
    con.close()
    assert rates["USD"] == pytest.approx(151.09)
    assert rates["EUR"] == pytest.approx(196.13)
    assert requests == ["/rss/get_rates.cfm?fdate=24.04.2013"]


def test_rematerializing_a_day_does_not_duplicate_its_rates(tmp_path, feed_server):
    base_url, _ = feed_server
    for _ in range(2):
        assert _materialize(tmp_path, base_url, "2013-04-24").success
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("select count(*) from raw.fx_rates_daily where currency = 'USD'").fetchone()[0] == 1
    con.close()


def test_a_failing_feed_fails_the_partition_loudly_and_keeps_earlier_rates(tmp_path, feed_server):
    base_url, _ = feed_server
    assert _materialize(tmp_path, base_url, "2013-04-24").success
    failed = _materialize(tmp_path, base_url, "2013-04-25")
    assert not failed.success
    failure = next(e for e in failed.all_events if e.event_type_value == "STEP_FAILURE")
    assert "2013-04-25" in failure.event_specific_data.error.message
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("select count(*) from raw.fx_rates_daily").fetchone()[0] > 30
    con.close()


def test_the_sensor_asks_for_publication_days_that_have_no_daily_rate(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as con:
        articles = pd.DataFrame([
            {"article_id": "a", "content_sha256": "1", "file_sha256": "1", "source_file": "a.txt",
             "file_name": "a.txt", "format": "txt", "text": "t", "published": date(2025, 5, 2)},
            {"article_id": "b", "content_sha256": "2", "file_sha256": "2", "source_file": "b.txt",
             "file_name": "b.txt", "format": "txt", "text": "t", "published": date(2025, 6, 10)},
        ])
        con.register("a", articles)
        con.execute("insert into raw.press_releases (article_id, content_sha256, file_sha256, source_file, file_name,"
                    " format, text, published, first_seen_at, last_seen_at, is_present, is_current)"
                    " select *, now(), now(), true, true from a")
        con.execute("insert into raw.fx_rates_daily (rate_date, currency, kzt_rate, quant) "
                    "values (date '2025-06-09', 'USD', 510.0, 1)")
    assert publication_days_without_rates(path) == ["2025-05-02"]
