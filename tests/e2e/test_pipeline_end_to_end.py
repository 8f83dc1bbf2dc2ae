"""The whole asset graph on the bundled samples, materialized into a temp DuckDB: concrete rows, not 'success'."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration import settings

SAMPLES = settings.REPO_ROOT / "data" / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, run_pipeline_into) -> dict:
    """Run the pipeline three times on a copy of the samples; keep what each run left behind."""
    root = tmp_path_factory.mktemp("e2e")
    inputs = root / "input"
    shutil.copytree(SAMPLES, inputs)
    warehouse = root / "warehouse" / "invest_tracker.duckdb"
    snapshots = []
    for _ in range(3):
        run_pipeline_into(inputs, warehouse)
        snapshots.append(_snapshot(warehouse))
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


def _readme_queries() -> list[str]:
    text = (settings.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Analyst queries", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in section.split("```sql\n")[1:]]


def test_the_readme_has_at_least_five_analyst_queries():
    assert len(_readme_queries()) >= 5


@pytest.mark.parametrize("index", range(7))
def test_every_readme_analyst_query_runs_on_the_published_copy(built, index):
    queries = _readme_queries()
    if index >= len(queries):
        pytest.skip("fewer queries in the README")
    con = duckdb.connect(str(settings.published_path(built["warehouse"])), read_only=True)
    try:
        rows = con.execute(queries[index]).fetchall()
    finally:
        con.close()
    assert rows, f"query {index + 1} returned no rows on the samples"


def test_every_amount_in_fct_deals_traces_to_an_evidence_sentence_and_a_source_url(con):
    untraced = con.execute(
        "select deal_id from marts.fct_deals where amount is not null and (evidence is null or source_url is null)"
    ).fetchall()
    assert untraced == []


def test_no_memorandum_amount_sits_in_a_committed_column(con):
    leaked = con.execute(
        """
        select m.oked_division, m.committed_usd,
               coalesce(sum(d.amount_usd) filter (where d.status <> 'memorandum'), 0) as committed_from_deals
        from marts.mart_investment_by_sector as m
        left join marts.fct_deals as d on coalesce(nullif(d.oked_division, ''), 'unknown') = m.oked_division
        group by all
        having abs(m.committed_usd - committed_from_deals) > 0.01
        """
    ).fetchall()
    assert leaked == []


def test_the_review_queue_lists_items_with_a_reason(con):
    rows = con.execute("select issue, detail from marts.review_queue").fetchall()
    assert all(issue and detail for issue, detail in rows)


def test_dbt_docs_generate_works_on_the_built_warehouse(built):
    import subprocess

    from orchestration.dbt_manifest import dbt_executable

    project = settings.DBT_PROJECT_DIR
    target = built["warehouse"].parent / "dbt_docs"
    proc = subprocess.run(
        [dbt_executable(), "docs", "generate", "--project-dir", str(project), "--profiles-dir", str(project),
         "--target-path", str(target)],
        env={**__import__("os").environ, settings.WAREHOUSE_ENV: str(built["warehouse"])},
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert (target / "catalog.json").exists() and (target / "index.html").exists()


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_the_html_report_renders_its_charts_in_headless_chromium(built, tmp_path):
    import subprocess

    from invest_tracker_cli.report import build_report

    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium on this machine (.ci/run installs it)")
    report = build_report(settings.published_path(built["warehouse"]), tmp_path / "report.html")
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom",
         report.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    dom = proc.stdout
    assert proc.returncode == 0, proc.stderr[-2000:]
    # plotly draws each chart as an <svg class="main-svg"> inside its div once the script has run
    for index in range(4):
        chart = dom.split(f'id="chart-{index}"', 1)
        assert len(chart) == 2, f"chart {index} missing"
        assert 'class="main-svg"' in chart[1].split('id="chart-', 1)[0], f"chart {index} did not render"
    assert 'id="largest-deals"' in dom and "source</a>" in dom


def test_the_published_copy_can_be_read_by_another_process_while_a_run_writes(built, tmp_path):
    import subprocess
    import sys
    import time

    inputs = tmp_path / "input"
    shutil.copytree(built["inputs"], inputs)
    (inputs / "new_article.txt").write_text(
        "---\ntitle: t\npublished: 2025-09-01\nurl: https://example-outlet.kz/new\nlang: ru\n---\n"
        "ТОО «Ертіс Жем» подписало соглашение о строительстве комбикормового завода в Аксуском районе "
        "Павлодарской области. Стоимость проекта – 3,2 млрд тенге.\n",
        encoding="utf-8",
    )
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(built["warehouse"], warehouse)
    published = settings.published_path(warehouse)
    shutil.copyfile(settings.published_path(built["warehouse"]), published)
    run = subprocess.Popen(
        [sys.executable, "-m", "invest_tracker_cli.main", "run", "--input", str(inputs), "--warehouse",
         str(warehouse), "--quiet"],
        cwd=settings.REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    reads = 0
    while run.poll() is None:
        reader = duckdb.connect(str(published), read_only=True)  # a BI tool's connection
        try:
            assert reader.execute("select count(*) from marts.fct_deals").fetchone()[0] > 0
            reads += 1
        finally:
            reader.close()
        time.sleep(0.2)
    out, err = run.communicate()
    assert run.returncode == 0, err[-3000:]
    assert reads > 5
    after = duckdb.connect(str(published), read_only=True)
    try:
        assert after.execute(
            "select count(*) from marts.fct_deal_mentions where source_file = 'new_article.txt'").fetchone()[0] == 1
    finally:
        after.close()


def test_the_dbt_unit_tests_for_fx_stages_and_corrections_pass(built):
    import os
    import subprocess

    from orchestration.dbt_manifest import dbt_executable

    project = settings.DBT_PROJECT_DIR
    proc = subprocess.run(
        [dbt_executable(), "test", "--select", "test_type:unit", "--project-dir", str(project), "--profiles-dir",
         str(project), "--target-path", str(built["warehouse"].parent / "dbt_unit")],
        env={**os.environ, settings.WAREHOUSE_ENV: str(built["warehouse"])},
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "PASS=6" in proc.stdout or "PASS=" in proc.stdout


@pytest.mark.parametrize("kill_after_seconds", [6.0, 14.0])
def test_a_run_killed_midway_and_run_again_leaves_the_same_warehouse_as_a_clean_run(
    built, tmp_path, kill_after_seconds
):
    import signal
    import subprocess
    import sys
    import time

    warehouse = tmp_path / "w.duckdb"
    command = [sys.executable, "-m", "invest_tracker_cli.main", "run", "--input", str(built["inputs"]),
               "--warehouse", str(warehouse), "--quiet"]
    victim = subprocess.Popen(command, cwd=settings.REPO_ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(kill_after_seconds)
    if victim.poll() is None:
        os.killpg(victim.pid, signal.SIGKILL)  # the run and its dbt subprocess, with no chance to clean up
    victim.wait()
    again = subprocess.run(command, cwd=settings.REPO_ROOT, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _snapshot(warehouse) == built["snapshots"][0]


def test_the_forum_total_is_kept_apart_and_points_at_the_two_memoranda_it_sums(con):
    total, parts = con.execute(
        """
        select t.amount, list_sort(r.part_amount_starts)
        from marts.fct_announced_totals as t
        inner join raw.announced_totals as r on t.total_id = r.total_id
        where t.source_file like 'ru_01_%' and t.kind = 'total'
        """
    ).fetchone()
    summed = con.execute(
        """
        select sum(f.amount)
        from raw.deal_mentions as m
        inner join marts.fct_deal_mentions as f on m.mention_id = f.mention_id
        where m.source_file like 'ru_01_%'
          and list_contains(?, cast(json_extract(m.field_evidence, '$.amount[0]') as integer))
        """,
        [parts],
    ).fetchone()[0]
    assert len(parts) == 2
    assert summed == pytest.approx(total)
    in_deals = con.execute("select count(*) from marts.fct_deals where amount = ?", [total]).fetchone()[0]
    assert in_deals == 0


def _mart_rows(warehouse: Path) -> dict[str, list]:
    """Every mart's rows, sorted: what an analyst would see. Left out: timestamps, the snapshot's history, and deal
    ids and what derives from them (a deal keeps the id it got when first seen, so ids depend on the order articles
    arrived in; review_queue's item_id is one for deal items; fct_deal_mentions' row_digest covers the deal id)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = {}
        for (table,) in con.execute("select table_name from information_schema.tables where table_schema = 'marts' "
                                    "order by 1").fetchall():
            columns = [c for c, kind in con.execute(
                "select column_name, data_type from information_schema.columns where table_schema = 'marts' "
                "and table_name = ? order by ordinal_position", [table]).fetchall()
                if not kind.startswith("TIMESTAMP") and not c.startswith("dbt_")
                and c not in ("deal_id", "merged_from", "item_id", "deal_ids", "row_digest")]
            if table.endswith("_history"):
                continue
            listed = ", ".join(f'"{c}"' for c in columns)
            marts[table] = sorted(map(repr, con.execute(f"select {listed} from marts.{table}").fetchall()))
        return marts
    finally:
        con.close()


def test_articles_added_in_two_runs_give_the_marts_of_one_run(built, tmp_path, run_pipeline_into):
    """The incremental path (unchanged files not read, new rows validated, resolution of the blocks the new
    mentions fall into, dbt without the staging views and layer tests) ends where a single full run ends."""
    inputs = tmp_path / "input"
    inputs.mkdir()
    names = sorted(p.name for p in built["inputs"].iterdir())
    for name in names[::2]:
        shutil.copy(built["inputs"] / name, inputs / name)
    warehouse = tmp_path / "w.duckdb"
    run_pipeline_into(inputs, warehouse)
    for name in names[1::2]:
        shutil.copy(built["inputs"] / name, inputs / name)
    run_pipeline_into(inputs, warehouse)
    assert _mart_rows(warehouse) == _mart_rows(built["warehouse"])


def test_articles_removed_and_edited_between_runs_give_the_marts_of_one_run(built, tmp_path, run_pipeline_into):
    """The incremental dbt tables (int_deal_mentions_assigned, fct_deal_mentions) drop the rows of removed and
    edited articles: the marts equal those of one run on the folder as it ends."""
    inputs = tmp_path / "input"
    shutil.copytree(built["inputs"], inputs)
    warehouse = tmp_path / "w" / "invest_tracker.duckdb"
    warehouse.parent.mkdir()
    shutil.copy(built["warehouse"], warehouse)
    names = sorted(p.name for p in inputs.iterdir())
    for name in names[1::3]:
        (inputs / name).unlink()
    edited = next(inputs / n for n in names[::3] if n.endswith(".txt") and "memorandum" not in n)
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nПодробности будут опубликованы позже.\n",
                      encoding="utf-8")
    run_pipeline_into(inputs, warehouse)
    fresh = tmp_path / "fresh" / "invest_tracker.duckdb"
    run_pipeline_into(inputs, fresh)
    assert _mart_rows(warehouse) == _mart_rows(fresh)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        current = con.execute("select count(*) from intermediate.int_deal_mentions_resolved").fetchone()[0]
        assert con.execute("select count(*) from marts.fct_deal_mentions").fetchone()[0] == current
    finally:
        con.close()
