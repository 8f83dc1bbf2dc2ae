"""A folder mixing good files with every kind of bad input runs end to end with exit code 0: every bad file is
quarantined with its reason, every good file's deals reach the marts, and re-runs change nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration import settings

GOOD_RU = """---
title: "Завод по выпуску кирпича построят в Шортандинском районе"
published: 2025-03-04
source: Акмола Бизнес
url: https://akmola-biz.example-outlet.kz/2025/03/04/kirpich
lang: ru
---
Акимат Акмолинской области и ТОО «Шортанды Кирпич» подписали соглашение о строительстве завода керамического
кирпича в Шортандинском районе. Стоимость проекта составит 6,4 млрд тенге, на заводе появятся 95 постоянных
рабочих мест.
"""

# (file name, bytes, expected reason); None = the file must load as an article
BAD_INPUTS: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty"),
    ("only spaces.txt", b"   \n\t \n", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "encoding"),
    ("unclosed.md", "---\ntitle: x\npublished: 2025-01-01\nНет закрывающей черты\n".encode(), "malformed"),
    ("bad yaml.txt", "---\ntitle: [unclosed\n---\nТекст статьи.\n".encode(), "malformed"),
    ("future.txt", "---\ntitle: t\npublished: 2099-01-01\n---\nТекст статьи о заводе.\n".encode(), "invalid_metadata"),
    ("impossible.txt", "---\ntitle: t\npublished: 2025-13-45\n---\nТекст статьи.\n".encode(), "invalid_metadata"),
    ("no-body.html", b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>", "not_an_article"),
    ("error.html", "<html><head><title>404 Страница не найдена</title></head><body><h1>404</h1>"
     "<p>Страница не найдена</p></body></html>".encode(), "not_an_article"),
    ("truncated.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a',
     "malformed"),
    ("bomb.xml", b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
     b"<rss><channel><item><title>&lol2;</title></item></channel></rss>", "unsafe"),
    ("xxe.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<rss><channel><item><title>&x;</title></item></channel></rss>", "unsafe"),
    ("report.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "unsupported_format"),
    ("memo.docx", b"PK\x03\x04" + b"\x00" * 64, "unsupported_format"),
    ("huge.txt", b"a" * 5_100_000, "too_large"),
    ("long line.txt", ("---\ntitle: t\n---\n" + "слово " * 40_000).encode(), "too_large"),
    ("good_copy.txt", GOOD_RU.encode(), "duplicate_file"),
]


def _write_inputs(folder: Path, outside: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_RU, encoding="utf-8")
    # the same article re-published by another outlet: other url, other bytes; loaded, not rejected
    (folder / "good другое издание.txt").write_text(
        GOOD_RU.replace("akmola-biz", "astana-news").replace("Акмола Бизнес", "Astana News"), encoding="utf-8"
    )
    (folder / "cp1251.txt").write_bytes(GOOD_RU.replace("kirpich", "kirpich-1251").encode("cp1251"))
    (folder / "utf16.txt").write_bytes(GOOD_RU.replace("kirpich", "kirpich-16").encode("utf-16"))
    for name, data, _ in BAD_INPUTS:
        (folder / name).write_bytes(data)
    (outside / "secret.txt").write_text("outside the input folder", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside / "secret.txt")


def _run_cli(inputs: Path, warehouse: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, settings.WAREHOUSE_ENV: str(warehouse)}
    return subprocess.run(
        [sys.executable, "-m", "invest_tracker_cli.main", "run", "--input", str(inputs), "--warehouse",
         str(warehouse), "--quiet"],
        cwd=settings.REPO_ROOT, env=env, capture_output=True, text=True, check=False, timeout=600,
    )


def _state(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("raw.press_releases", "raw.rejected_inputs", "raw.deal_mentions", "marts.fct_deal_mentions",
                      "marts.fct_deals", "marts.fct_quarantine")
        }
        ids = con.execute("select mention_id, deal_id from marts.fct_deal_mentions order by 1").fetchall()
        quarantine = dict(con.execute(
            "select source_file, reason from marts.fct_quarantine where level = 'input'").fetchall())
        loaded = {r[0] for r in con.execute("select file_name from raw.press_releases where is_current").fetchall()}
        return {"counts": counts, "ids": ids, "quarantine": quarantine, "loaded": loaded}
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    root = tmp_path_factory.mktemp("bad")
    outside = root / "outside"
    outside.mkdir()
    inputs = root / "input"
    _write_inputs(inputs, outside)
    warehouse = root / "w.duckdb"
    states = []
    for _ in range(3):
        proc = _run_cli(inputs, warehouse)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        states.append(_state(warehouse))
    return states


def test_every_bad_file_is_quarantined_with_its_reason(runs):
    quarantine = runs[0]["quarantine"]
    for name, _, reason in BAD_INPUTS:
        assert quarantine.get(name) == reason, f"{name}: {quarantine.get(name)!r} instead of {reason}"
    assert quarantine.get("link.txt") == "unsafe"


def test_good_files_in_other_encodings_and_republished_articles_are_loaded(runs):
    assert {"good.txt", "good другое издание.txt", "cp1251.txt", "utf16.txt"} <= runs[0]["loaded"]


def test_the_good_deal_reaches_the_marts(runs, tmp_path_factory):
    assert runs[0]["counts"]["marts.fct_deal_mentions"] >= 1


def test_three_runs_leave_every_count_and_id_unchanged(runs):
    first = runs[0]
    for later in runs[1:]:
        assert later["counts"] == first["counts"]
        assert later["ids"] == first["ids"]
