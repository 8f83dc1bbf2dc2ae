"""Article versions: one current version per article, by one rule, whatever order the files come in."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

import duckdb

from sources.press_releases import parse_front_matter_text, read_input_folder
from sources.versions import current_versions, version_sql_order

TODAY = date(2026, 11, 25)
URL = "https://oblys-habar.example-outlet.kz/2025/05/12/cement"


def article(name: str, body: str, published: str | None = "2025-05-12", url: str | None = URL):
    front = "\n".join(line for line in (
        f"published: {published}" if published else "", f"url: {url}" if url else "") if line)
    text = f"---\n{front}\n---\n{body}" if front else body
    return parse_front_matter_text(text, name, today=TODAY)


def test_the_latest_publication_date_wins_whatever_the_order():
    old = article("a.txt", "Цементный завод начнут строить в июне.", "2025-05-12")
    new = article("b.txt", "Цементный завод начнут строить в июле (исправлено).", "2025-05-14")
    undated = article("c.txt", "Цементный завод: копия без даты.", None)
    for order in itertools.permutations([old, new, undated]):
        current, superseded = current_versions(list(order))
        assert current == [new]
        assert {a.source_file for a in superseded} == {"a.txt", "c.txt"}


def test_same_date_the_version_seen_latest_wins_then_the_last_name():
    first = article("page_v1.txt", "Текст первой версии.")
    second = article("page_v2.txt", "Текст второй версии.")
    seen = {(first.article_id, first.content_sha256): datetime(2025, 6, 2),
            (second.article_id, second.content_sha256): datetime(2025, 6, 1)}
    assert current_versions([second, first], seen)[0] == [first]
    # seen together (one read): the last name wins
    assert current_versions([second, first])[0] == [second]


def test_articles_without_a_url_are_versions_of_their_file_only():
    one = article("one.txt", "Первый текст.", url=None)
    two = article("two.txt", "Второй текст.", url=None)
    assert current_versions([one, two]) == ([one, two], [])


def test_the_sql_rule_picks_the_same_version_as_python(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    bodies = {"x1.txt": ("2025-05-12", "Версия один."), "x2.txt": ("2025-05-13", "Версия два."),
              "x3.txt": (None, "Версия без даты."), "y.txt": ("2025-05-13", "Та же дата, другое имя.")}
    for name, (published, body) in bodies.items():
        meta = f"published: {published}\n" if published else ""
        (folder / name).write_text(f"---\n{meta}url: {URL}\n---\n{body}", encoding="utf-8")
    articles = read_input_folder(folder, today=TODAY).articles
    python_choice = current_versions(articles)[0]
    con = duckdb.connect()
    con.execute("create table v (article_id varchar, source_file varchar, published date, first_seen_at timestamp)")
    con.executemany("insert into v values (?, ?, ?, ?)",
                    [(a.article_id, a.source_file, a.published, datetime(2025, 1, 1)) for a in articles])
    sql_choice = con.execute(
        "select source_file from v "
        f"qualify row_number() over (partition by article_id order by {version_sql_order()}) = 1"
    ).fetchall()
    assert [a.source_file for a in python_choice] == [r[0] for r in sql_choice] == ["y.txt"]
