"""The raw layer's writes: idempotent upserts, versions kept, atomic publishing, cheap folder fingerprints."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from orchestration import warehouse
from orchestration.defs.ingestion import (
    ParseCache,
    load_parse_cache,
    store_parse_cache,
    upsert_current,
)
from orchestration.defs.publishing import publish_copy
from sources.folders import folder_fingerprint
from sources.press_releases import read_input_folder


def _article(article_id: str, sha: str, text: str = "text") -> dict:
    return {
        "article_id": article_id, "content_sha256": sha, "file_sha256": sha, "source_file": f"{article_id}.txt",
        "file_name": f"{article_id}.txt", "item_id": None, "format": "txt", "title": "t", "published": None,
        "outlet": None, "url": None, "lang": "ru", "text": text,
    }


@pytest.fixture
def con(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as connection:
        yield connection


def test_rereading_the_same_articles_changes_no_row_counts_and_no_ids(con):
    frame = pd.DataFrame([_article("a", "1"), _article("b", "2")])
    upsert_current(con, "press_releases", frame, ["article_id", "content_sha256"], "run1")
    first = con.execute("select article_id, content_sha256 from raw.press_releases order by 1").fetchall()
    upsert_current(con, "press_releases", frame, ["article_id", "content_sha256"], "run2")
    upsert_current(con, "press_releases", frame, ["article_id", "content_sha256"], "run3")
    again = con.execute("select article_id, content_sha256 from raw.press_releases order by 1").fetchall()
    assert first == again
    assert con.execute("select count(*) from raw.press_releases where is_current").fetchone()[0] == 2


def test_a_changed_file_becomes_a_new_version_and_the_old_one_is_kept(con):
    upsert_current(con, "press_releases", pd.DataFrame([_article("a", "1")]), ["article_id", "content_sha256"], "r1")
    upsert_current(con, "press_releases", pd.DataFrame([_article("a", "2")]), ["article_id", "content_sha256"], "r2")
    rows = con.execute("select content_sha256, is_current from raw.press_releases order by 1").fetchall()
    assert rows == [("1", False), ("2", True)]


def test_the_same_article_twice_in_one_read_is_written_once(con):
    frame = pd.DataFrame([_article("a", "1"), _article("a", "1")])
    upsert_current(con, "press_releases", frame, ["article_id", "content_sha256"], "r1")
    assert con.execute("select count(*) from raw.press_releases").fetchone()[0] == 1


def test_a_fixed_file_leaves_quarantine_on_the_next_read(con):
    bad = pd.DataFrame([{"file": "x.txt", "item": None, "reason": "empty", "message": "x.txt is empty",
                         "content_sha256": "e"}])
    upsert_current(con, "rejected_inputs", bad, ["file", "content_sha256"], "r1")
    upsert_current(con, "rejected_inputs", bad.iloc[0:0], ["file", "content_sha256"], "r2")
    assert con.execute("select is_current from raw.rejected_inputs").fetchall() == [(False,)]


def test_a_failed_write_leaves_the_earlier_rows_intact(con):
    upsert_current(con, "press_releases", pd.DataFrame([_article("a", "1")]), ["article_id", "content_sha256"], "r1")
    broken = pd.DataFrame([{**_article("b", "2"), "text": None}])  # violates NOT NULL on text
    with pytest.raises(duckdb.Error):
        upsert_current(con, "press_releases", broken, ["article_id", "content_sha256"], "r2")
    assert con.execute("select article_id, is_current from raw.press_releases").fetchall() == [("a", True)]


def test_the_published_copy_is_a_complete_readable_database(tmp_path):
    source = tmp_path / "w.duckdb"
    with warehouse.connect(source) as c:
        c.execute("create table t as select range as i from range(1000)")
    target = tmp_path / "w.published.duckdb"
    publish_copy(source, target)
    reader = duckdb.connect(str(target), read_only=True)
    assert reader.execute("select count(*) from t").fetchone()[0] == 1000
    reader.close()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_the_folder_fingerprint_changes_when_a_file_is_added_or_changed(tmp_path):
    empty = folder_fingerprint(tmp_path)
    (tmp_path / "a.txt").write_text("one")
    one = folder_fingerprint(tmp_path)
    assert one != empty and folder_fingerprint(tmp_path) == one
    (tmp_path / "a.txt").write_text("one more")
    assert folder_fingerprint(tmp_path) != one


def _folder(tmp_path, published_by_name: dict[str, str]):
    """A drop folder of small front-matter articles, one per name, published on the given day."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, published in published_by_name.items():
        text = f"---\ntitle: {name}\npublished: {published}\n---\nСтатья {name}.\n"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _read(con, folder, today, entries=None):
    """What the ingestion asset does: read with the cache, write the articles, then the cache entries."""
    cache = ParseCache(entries or {})
    result = read_input_folder(folder, today=today, parse_cache=cache)
    articles = warehouse.article_frame(result.articles)
    upsert_current(con, "press_releases", articles, ["article_id", "content_sha256"], "run")
    return cache


def test_the_parse_cache_is_kept_per_file_and_dropped_for_files_that_are_gone(con, tmp_path):
    folder = _folder(tmp_path, {"a.md": "2025-01-02", "b.md": "2025-01-03"})
    today = date(2026, 11, 25)
    assert store_parse_cache(con, _read(con, folder, today), "v1", today) == 2

    loaded = load_parse_cache(con, "v1", today)
    assert {name for name, _ in loaded} == {"a.md", "b.md"}
    assert load_parse_cache(con, "v2", today) == {}  # another reader's code: nothing is reused

    (folder / "b.md").unlink()
    cache = _read(con, folder, today, loaded)
    assert store_parse_cache(con, cache, "v1", today) == 0  # a.md came from the cache
    assert [r[0] for r in con.execute("select file from raw.parse_cache").fetchall()] == ["a.md"]


def test_a_parse_result_that_depends_on_the_day_is_not_reused_the_next_day(con, tmp_path):
    folder = _folder(tmp_path, {"soon.md": "2026-11-26", "past.md": "2025-11-26"})
    day = date(2026, 11, 25)
    store_parse_cache(con, _read(con, folder, day), "v1", day)
    assert {name for name, _ in load_parse_cache(con, "v1", day)} == {"soon.md", "past.md"}
    assert {name for name, _ in load_parse_cache(con, "v1", date(2026, 11, 26))} == {"past.md"}


def test_the_parse_cache_is_not_part_of_the_fingerprint_dbt_is_skipped_by(con, tmp_path):
    folder = _folder(tmp_path, {"a.md": "2025-01-02"})
    cache = _read(con, folder, date(2026, 11, 25))
    before = warehouse.raw_fingerprint(con)
    store_parse_cache(con, cache, "v1", date(2026, 11, 25))
    assert warehouse.raw_fingerprint(con) == before


def test_a_cache_entry_whose_text_is_gone_from_the_raw_layer_is_parsed_again(con, tmp_path):
    folder = _folder(tmp_path, {"a.md": "2025-01-02"})
    day = date(2026, 11, 25)
    store_parse_cache(con, _read(con, folder, day), "v1", day)
    loaded = load_parse_cache(con, "v1", day)
    assert [a.text for r in loaded.values() for a in r.articles] == ["Статья a.md."]
    con.execute("delete from raw.press_releases")
    assert load_parse_cache(con, "v1", day) == {}
