"""Ordinary situations that once stopped the whole pipeline: a page saved three times with edits, a cp1251 text
without front matter, and an article or a mention whose processing raises. The run exits 0 and the marts are
built; the re-saved page gives its deals once; a failing record is quarantined as a processing error, in
`invest-tracker run` and in `invest-tracker extract` alike."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import extraction.guard as guard
import resolution.resolve as resolve
from invest_tracker_cli.main import main as cli
from orchestration import settings

pytestmark = pytest.mark.e2e

SAMPLES = settings.REPO_ROOT / "data" / "samples"
RESAVED = "ru_03_karaganda_temirtau_coke_construction.txt"
PLAIN_1251 = (
    "Кабельный завод открыт в Экибастузе\n"
    "14.10.2025\n"
    "В Экибастузе Павлодарской области запущен завод по выпуску силового кабеля. Инвестор — ТОО «Ертіс Сым», "
    "объём инвестиций составил 4,5 млрд тенге, создано 120 рабочих мест.\n"
)


def _inputs(root: Path) -> Path:
    folder = root / "input"
    folder.mkdir()
    for name in ("ru_01_turkestan_forum_three_projects.txt", "ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt",
                 RESAVED, "ru_04_zhambyl_baizak_feed_phosphates.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    original = (SAMPLES / RESAVED).read_text(encoding="utf-8")
    for n in range(1, 4):  # three edited copies of one page: same url, other text
        (folder / f"saved again {n}.txt").write_text(original + f"\nОбновлено: уточнение {n}.", encoding="utf-8")
    (folder / "plain cp1251.txt").write_bytes(PLAIN_1251.encode("cp1251"))
    return folder


@pytest.fixture(scope="module")
def resaved_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("versions")
    inputs = _inputs(root)
    warehouse = root / "w.duckdb"
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-m", "invest_tracker_cli.main", "run", "--input", str(inputs), "--warehouse",
             str(warehouse), "--quiet"],
            cwd=settings.REPO_ROOT, env={**os.environ}, capture_output=True, text=True, check=False, timeout=600,
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return warehouse


def test_a_page_saved_three_times_gives_its_deals_once(resaved_run):
    con = duckdb.connect(str(resaved_run), read_only=True)
    try:
        url = con.execute("select url from raw.press_releases where file_name = ?", [RESAVED]).fetchone()[0]
        versions = con.execute(
            "select count(*), count(*) filter (where is_current) from raw.press_releases where url = ?", [url]
        ).fetchone()
        assert versions == (4, 1)  # every version kept as history, one current
        deals = con.execute(
            "select count(*), count(distinct deal_id) from marts.fct_deal_mentions where url = ?", [url]).fetchone()
        assert deals == (1, 1)
        assert con.execute("select count(*) from marts.fct_quarantine").fetchone()[0] == 0
    finally:
        con.close()


def test_a_cp1251_text_without_front_matter_is_an_article_with_its_deal(resaved_run):
    con = duckdb.connect(str(resaved_run), read_only=True)
    try:
        title, published, precision = con.execute(
            "select title, published, published_precision from raw.press_releases where file_name = 'plain cp1251.txt'"
        ).fetchone()
        assert title == "Кабельный завод открыт в Экибастузе"
        assert (str(published), precision) == ("2025-10-14", "day")
        row = con.execute(
            "select status, amount, currency from marts.fct_deal_mentions where source_file = 'plain cp1251.txt'"
        ).fetchone()
        assert row == ("commissioned", 4.5e9, "KZT")
    finally:
        con.close()


def _fail_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor raises on one article; resolution raises on one mention of another."""
    real_extract, real_row = guard.extract_article, resolve.mention_from_row

    def extract(text, **kwargs):
        if "Щербакт" in text:
            raise RuntimeError("extractor bug on this article")
        return real_extract(text, **kwargs)

    def row(values):
        if "Sichuan" in str(values.get("partner_name")):
            raise ValueError("resolver bug on this mention")
        return real_row(values)

    monkeypatch.setattr(guard, "extract_article", extract)
    monkeypatch.setattr(resolve, "mention_from_row", row)


def test_records_whose_processing_raises_are_quarantined_and_the_run_goes_on(tmp_path, monkeypatch, capsys):
    inputs = _inputs(tmp_path)
    warehouse = tmp_path / "w.duckdb"
    _fail_on(monkeypatch)
    assert cli(["run", "--input", str(inputs), "--warehouse", str(warehouse), "--quiet"]) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        failed = con.execute(
            "select source_file, mention_id is not null, message from marts.fct_quarantine "
            "where level = 'record' and reason = 'processing_error' order by 1"
        ).fetchall()
        assert [(f, is_mention) for f, is_mention, _ in failed] == [
            ("ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt", False),
            ("ru_04_zhambyl_baizak_feed_phosphates.txt", True),
        ]
        assert "RuntimeError: extractor bug on this article" in failed[0][2] and guard.EXTRACTOR_VERSION in failed[0][2]
        assert "ValueError: resolver bug on this mention" in failed[1][2]
        queue = con.execute("select count(*) from marts.review_queue where issue = 'processing_error'").fetchone()[0]
        assert queue == 2
        sources = {r[0] for r in con.execute("select distinct source_file from marts.fct_deal_mentions").fetchall()}
        assert "ru_01_turkestan_forum_three_projects.txt" in sources and "plain cp1251.txt" in sources
        assert not sources & {"ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt",
                              "ru_04_zhambyl_baizak_feed_phosphates.txt"}
    finally:
        con.close()

    # the extract command gives the same article the same fate
    capsys.readouterr()
    assert cli(["extract", str(inputs), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    quarantined = {r["file"]: r["reason"] for r in records if r["record"] == "quarantine"}
    assert quarantined == {"ru_02_pavlodar_shcherbakty_oilseed_memorandum.txt": "processing_error"}
    files = [r["file"] for r in records if r["record"] == "deal_mention"]
    # the current version: same date, seen together, so the last name ("saved again 3" after "ru_03_...")
    assert [f for f in files if f == RESAVED or f.startswith("saved again")] == ["saved again 3.txt"]
