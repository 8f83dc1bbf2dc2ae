"""The whole asset graph on the bundled samples, materialized into a temp DuckDB: concrete rows, not 'success'."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import settings

SAMPLES = settings.REPO_ROOT / "data" / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the pipeline three times on a copy of the samples; keep what each run left behind."""
    from invest_tracker_cli.pipeline import run_pipeline

    root = tmp_path_factory.mktemp("e2e")
    inputs = root / "input"
    shutil.copytree(SAMPLES, inputs)
    warehouse = root / "warehouse" / "invest_tracker.duckdb"
    patch = pytest.MonkeyPatch()
    patch.setenv(settings.WAREHOUSE_ENV, str(warehouse))
    patch.setenv(settings.INPUT_ENV, str(inputs))
    snapshots = []
    try:
        for _ in range(3):
            outcome = run_pipeline(verbose=False)
            assert outcome.success, outcome.failure
            snapshots.append(_snapshot(warehouse))
    finally:
        patch.undo()
    return {"warehouse": warehouse, "inputs": inputs, "snapshots": snapshots}


def _snapshot(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ('raw', 'marts') order by 1"
        ).fetchall()
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for (t,) in tables}
        ids = con.execute("select mention_id, deal_id from marts.fct_deal_mentions order by 1").fetchall()
        return {"counts": counts, "ids": ids}
    finally:
        con.close()


@pytest.fixture
def con(built):
    connection = duckdb.connect(str(built["warehouse"]), read_only=True)
    yield connection
    connection.close()


def test_the_temirtau_coke_plant_is_a_tenge_construction_deal_converted_to_usd(con):
    row = con.execute(
        """
        select status, amount, currency, region_kato, amount_usd, fx_rate_basis, url
        from marts.fct_deal_mentions
        where source_file like 'ru_03_%' and district_kato = '352400000'
        """
    ).fetchone()
    assert row is not None, "the Temirtau deal (KATO 352400000) is missing"
    status, amount, currency, region, amount_usd, basis, url = row
    assert (status, amount, currency, region) == ("construction", 1.05e12, "KZT", "350000000")
    # published 2025: World Bank 2025 annual average, 521.035 tenge per dollar
    assert basis == "wb_annual"
    assert amount_usd == pytest.approx(1.05e12 / 521.035, rel=1e-6)
    assert url and url.startswith("https://")


def test_every_bad_sample_is_in_quarantine_with_its_reason(con):
    rows = dict(con.execute("select source_file, reason from marts.fct_quarantine where level = 'input'").fetchall())
    assert rows == {
        "ru_10_pavlodar_news_2025_11.txt": "empty",
        "ru_11_sko_news_2025_05.md": "duplicate_file",
        "ru_12_karaganda_annual_report.pdf": "unsupported_format",
        "ru_13_zhambyl_news_draft.txt": "malformed",
    }


def test_every_input_file_is_either_loaded_or_quarantined(con, built):
    files = {p.name for p in built["inputs"].iterdir() if p.is_file()}
    loaded = {r[0] for r in con.execute("select file_name from raw.press_releases where is_current").fetchall()}
    rejected = {r[0] for r in con.execute("select file from raw.rejected_inputs where is_current").fetchall()}
    assert loaded | rejected == files
    assert not loaded & rejected


def test_the_target_article_produces_no_deal(con):
    deals = con.execute("select count(*) from marts.fct_deal_mentions where source_file like 'ru_08_%'").fetchone()[0]
    kinds = {r[0] for r in con.execute(
        "select kind from marts.fct_announced_totals where source_file like 'ru_08_%'").fetchall()}
    assert deals == 0
    assert "target" in kinds


def test_marts_reconcile_with_fct_deals_and_keep_memoranda_apart(con):
    deals, usd, memo_usd = con.execute(
        "select count(*), sum(amount_usd), sum(amount_usd) filter (where status = 'memorandum') from marts.fct_deals"
    ).fetchone()
    for mart in ("sector", "district", "country", "month"):
        m_deals, m_memo, m_committed = con.execute(
            f"select sum(deal_count), sum(memorandum_usd), sum(committed_usd) from marts.mart_investment_by_{mart}"
        ).fetchone()
        assert m_deals == deals
        assert m_memo == pytest.approx(memo_usd or 0)
        assert m_memo + m_committed == pytest.approx(usd)


def test_three_reruns_change_no_row_counts_and_no_ids(built):
    first, *rest = built["snapshots"]
    assert first["counts"]["marts.fct_deal_mentions"] > 0
    for later in rest:
        assert later == first


def test_the_published_copy_opens_read_only_with_the_marts(built):
    published = settings.published_path(built["warehouse"])
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("select count(*) from marts.fct_deals").fetchone()[0] > 0
    finally:
        con.close()
