"""The folder read into the warehouse: only what changed is read, versions are kept, one is current, re-reads are
idempotent, a failed write leaves the earlier rows, and the run state sits apart from the data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

import warehouse
from sources.folders import folder_fingerprint, read_folder_incrementally
from warehouse import articles, state
from warehouse.publish import publish_copy

TODAY = date(2026, 11, 25)
URL = "https://oblys-habar.example-outlet.kz/2025/05/12/tiles"


def write(folder: Path, name: str, body: str, published: str = "2025-05-12", url: str | None = None) -> Path:
    meta = f"published: {published}\n" + (f"url: {url}\n" if url else "")
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{meta}---\n{body}\n", encoding="utf-8")
    return path


def ingest(con, folder: Path, today: date = TODAY, version: str = "v1"):
    read = read_folder_incrementally(folder, articles.known_files(con), lambda: articles.present_folder_articles(con),
                                     reader_version=version, today=today)
    if read.touched:
        articles.store_folder_read(con, read, run_id="run", reader_version=version, today=today)
    return read


def rows(con) -> list[tuple]:
    return con.execute(
        "select source_file, is_present, is_current from raw.press_releases order by source_file, content_sha256"
    ).fetchall()


@pytest.fixture
def con(tmp_path):
    with warehouse.connect(tmp_path / "w.duckdb") as connection:
        yield connection


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "in"
    path.mkdir()
    return path


def test_a_second_read_of_an_unchanged_folder_reads_nothing_and_changes_nothing(con, folder):
    write(folder, "a.txt", "Завод А.")
    write(folder, "b.txt", "Завод Б.")
    first = ingest(con, folder)
    assert set(first.read) == {"a.txt", "b.txt"}
    before = (rows(con), state.raw_fingerprint(con))
    again = ingest(con, folder)
    assert again.read == {} and again.unchanged == {"a.txt", "b.txt"} and not again.touched
    assert (rows(con), state.raw_fingerprint(con)) == before


def test_only_new_and_changed_files_are_read(con, folder):
    write(folder, "a.txt", "Завод А.")
    path_b = write(folder, "b.txt", "Завод Б.")
    ingest(con, folder)
    write(folder, "c.txt", "Завод В.")
    path_b.write_text(path_b.read_text(encoding="utf-8") + "Дополнено.", encoding="utf-8")
    os.utime(path_b, ns=(path_b.stat().st_atime_ns, path_b.stat().st_mtime_ns + 10_000_000))
    read = ingest(con, folder)
    assert set(read.read) == {"b.txt", "c.txt"}
    # the edited file's old version is kept as history, not present
    assert sorted(rows(con)) == [("a.txt", True, True), ("b.txt", False, False), ("b.txt", True, True),
                                 ("c.txt", True, True)]


def test_a_removed_file_leaves_its_rows_as_history_and_its_quarantine(con, folder):
    write(folder, "a.txt", "Завод А.")
    (folder / "empty.txt").write_bytes(b"")
    ingest(con, folder)
    assert con.execute("select file, is_current from raw.rejected_inputs").fetchall() == [("empty.txt", True)]
    (folder / "a.txt").unlink()
    (folder / "empty.txt").unlink()
    read = ingest(con, folder)
    assert read.removed == {"a.txt", "empty.txt"}
    assert rows(con) == [("a.txt", False, False)]
    assert con.execute("select file, is_current from raw.rejected_inputs").fetchall() == [("empty.txt", False)]
    assert con.execute("select count(*) from state.input_files").fetchall() == [(0,)]


def test_versions_of_one_url_one_current_by_date_then_by_name(con, folder):
    write(folder, "v1.txt", "Первая версия.", "2025-05-12", URL)
    write(folder, "v2.txt", "Вторая версия.", "2025-05-12", URL)
    write(folder, "v0.txt", "Поздняя дата.", "2025-05-13", URL)
    ingest(con, folder)
    assert rows(con) == [("v0.txt", True, True), ("v1.txt", True, False), ("v2.txt", True, False)]
    (folder / "v0.txt").unlink()
    ingest(con, folder)
    assert [r for r in rows(con) if r[2]] == [("v2.txt", True, True)]


def test_a_new_byte_identical_copy_is_a_duplicate_and_an_earlier_named_one_displaces_the_unchanged_file(con, folder):
    write(folder, "m.txt", "Завод.")
    ingest(con, folder)
    (folder / "z.txt").write_bytes((folder / "m.txt").read_bytes())
    ingest(con, folder)
    assert con.execute("select file, reason from raw.rejected_inputs where is_current").fetchall() == [
        ("z.txt", "duplicate_file")]
    # a copy whose name comes first makes the unchanged file the duplicate: the same result as a fresh read
    (folder / "a.txt").write_bytes((folder / "m.txt").read_bytes())
    read = ingest(con, folder)
    assert "m.txt" in read.read
    assert sorted(con.execute("select file from raw.rejected_inputs where is_current").fetchall()) == [
        ("m.txt",), ("z.txt",)]
    assert [r[0] for r in rows(con) if r[1]] == ["a.txt"]


def test_a_date_in_the_future_is_read_again_the_next_day(con, folder):
    write(folder, "soon.txt", "Завтра.", "2026-11-26")
    write(folder, "past.txt", "Вчера.", "2025-11-26")
    ingest(con, folder, TODAY)
    assert con.execute("select file, reason from raw.rejected_inputs where is_current").fetchall() == [
        ("soon.txt", "invalid_metadata")]
    assert set(ingest(con, folder, TODAY).read) == set()
    assert set(ingest(con, folder, date(2026, 11, 26)).read) == {"soon.txt"}
    assert con.execute("select count(*) from raw.rejected_inputs where is_current").fetchall() == [(0,)]


def test_another_reader_version_reads_every_file_again(con, folder):
    write(folder, "a.txt", "Завод А.")
    ingest(con, folder, version="v1")
    assert set(ingest(con, folder, version="v2").read) == {"a.txt"}


def test_the_run_state_is_not_part_of_the_raw_fingerprint(con, folder):
    write(folder, "a.txt", "Завод А.")
    ingest(con, folder)
    before = state.raw_fingerprint(con)
    state.record(con, "anything", "x")
    con.execute("update state.input_files set read_day = date '2020-01-01'")
    assert state.raw_fingerprint(con) == before


def test_a_failed_write_leaves_the_earlier_rows_intact(con, folder, monkeypatch):
    write(folder, "a.txt", "Завод А.")
    ingest(con, folder)
    write(folder, "b.txt", "Завод Б.")

    def broken(*args, **kwargs):
        raise duckdb.ConstraintException("simulated failure in the middle of the write")

    monkeypatch.setattr(articles, "refresh_current_versions", broken)
    with pytest.raises(duckdb.ConstraintException):
        ingest(con, folder)
    assert rows(con) == [("a.txt", True, True)]
    assert [r[0] for r in con.execute("select file from state.input_files").fetchall()] == ["a.txt"]


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


def test_a_warehouse_of_the_earlier_layout_is_migrated(tmp_path):
    """raw.build_state / parse_cache / extracted_articles / feed_state and feed rows in raw.press_releases (the
    layout before the warehouse package) become state tables and raw.feed_items, without losing a row."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("create schema raw")
    old.execute("""create table raw.press_releases (article_id varchar, content_sha256 varchar, file_sha256 varchar,
        source_file varchar, file_name varchar, item_id varchar, format varchar, title varchar, published date,
        outlet varchar, url varchar, lang varchar, text varchar, first_seen_at timestamp, last_seen_at timestamp,
        run_id varchar, is_current boolean, primary key (article_id, content_sha256))""")
    old.execute("""insert into raw.press_releases values
        ('a', '1', 'f', 'a.txt', 'a.txt', null, 'txt', 't', null, null, null, 'ru', 'текст', now(), now(), 'r', true),
        ('b', '2', 'f', 'feed.xml#g', 'feed.xml', 'g', 'rss', 't', null, null, null, 'ru', 'лента', now(), now(),
         'r', true)""")
    old.execute("""create table raw.feed_items (feed_name varchar, item_id varchar, article_id varchar,
        content_sha256 varchar, source_file varchar, url varchar, first_seen_at timestamp, last_seen_at timestamp,
        run_id varchar)""")
    old.execute("insert into raw.feed_items values ('energo', 'g', 'b', '2', 'feed.xml#g', null, now(), now(), 'r')")
    old.execute("create table raw.build_state (step varchar primary key, fingerprint varchar, built_at timestamp)")
    old.execute("insert into raw.build_state values ('validated', 'abc', now())")
    old.execute("create table raw.parse_cache (file varchar)")
    old.close()
    with warehouse.connect(path) as con:
        assert rows(con) == [("a.txt", True, True)]
        assert con.execute("select feed_name, source_file, is_current from raw.feed_items").fetchall() == [
            ("energo", "feed.xml#g", True)]
        assert state.get(con, "validated") == "abc"
        tables = {r[0] for r in con.execute(
            "select schema_name || '.' || table_name from duckdb_tables()").fetchall()}
        assert "raw.parse_cache" not in tables and "raw.build_state" not in tables
        assert articles.current_article_count(con) == 2


def test_the_current_versions_after_a_scoped_refresh_equal_a_refresh_of_every_article(con, folder):
    # several reads that add, edit and remove versions of a few urls; after each, ranking every article again
    # changes nothing: the refresh limited to the articles a read touched left no article with a stale current
    other = "https://oblys-habar.example-outlet.kz/2025/05/13/cement"
    write(folder, "a.txt", "Завод А.", url=URL)
    write(folder, "b.txt", "Завод Б.", url=other)
    write(folder, "c.txt", "Завод В.")
    steps = [
        lambda: write(folder, "a2.txt", "Завод А, правка.", published="2025-05-14", url=URL),
        lambda: write(folder, "b.txt", "Завод Б, вторая правка.", url=other),
        lambda: (folder / "a2.txt").unlink(),
        lambda: write(folder, "d.txt", "Завод Г.", published="2025-05-20", url=other),
        lambda: (folder / "c.txt").unlink(),
    ]
    ingest(con, folder)
    for step in steps:
        step()
        ingest(con, folder)
        before = rows(con)
        with warehouse.transaction(con):
            articles.refresh_current_versions(con)
        assert rows(con) == before
        current = con.execute("select article_id, count(*) from raw.press_releases where is_current "
                              "group by 1 having count(*) > 1").fetchall()
        assert current == []
    assert ("a.txt", True, True) in rows(con)
    assert ("d.txt", True, True) in rows(con)
