"""The parse cache of read_input_folder: same result with or without it, and unchanged files are not parsed again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sources import press_releases
from sources.models import ReadResult
from sources.press_releases import read_input_folder

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
TODAY = date(2026, 11, 25)


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "in"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def parse_calls(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = press_releases._parse_by_format

    def counting(data, rel_name, *args, **kwargs):
        calls.append(rel_name)
        return real(data, rel_name, *args, **kwargs)

    monkeypatch.setattr(press_releases, "_parse_by_format", counting)
    return calls


def _as_tuples(result: ReadResult) -> tuple[list, list]:
    return sorted(map(repr, result.articles)), sorted(map(repr, result.rejections))


def test_a_read_with_a_cache_gives_what_a_read_without_one_gives(folder):
    cache: dict = {}
    plain = read_input_folder(folder, today=TODAY)
    first = read_input_folder(folder, today=TODAY, parse_cache=cache)
    second = read_input_folder(folder, today=TODAY, parse_cache=cache)
    assert _as_tuples(plain) == _as_tuples(first) == _as_tuples(second)
    assert plain.articles and plain.rejections


def test_unchanged_files_are_not_parsed_again_and_a_changed_one_is(folder, parse_calls):
    cache: dict = {}
    read_input_folder(folder, today=TODAY, parse_cache=cache)
    parsed_first = len(parse_calls)
    assert parsed_first > 10
    parse_calls.clear()
    read_input_folder(folder, today=TODAY, parse_cache=cache)
    assert parse_calls == []

    changed = next(p for p in sorted(folder.iterdir()) if p.suffix == ".txt" and p.stat().st_size > 500)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nОдно новое предложение.\n", encoding="utf-8")
    result = read_input_folder(folder, today=TODAY, parse_cache=cache)
    assert parse_calls == [changed.name]
    assert any(a.file_name == changed.name and "Одно новое предложение." in a.text for a in result.articles)


def test_a_cached_file_copied_under_a_new_name_is_still_a_duplicate(folder):
    cache: dict = {}
    read_input_folder(folder, today=TODAY, parse_cache=cache)
    original = next(p for p in sorted(folder.iterdir()) if p.suffix == ".md")
    (folder / ("zz_copy_of_" + original.name)).write_bytes(original.read_bytes())
    result = read_input_folder(folder, today=TODAY, parse_cache=cache)
    rejected = {r.file: r for r in result.rejections}
    assert rejected["zz_copy_of_" + original.name].reason == "duplicate_file"
    assert original.name in rejected["zz_copy_of_" + original.name].message


def test_the_cached_lists_do_not_grow_when_the_caller_appends_to_a_result(folder):
    cache: dict = {}
    first = read_input_folder(folder, today=TODAY, parse_cache=cache)
    sizes = {key: (len(v.articles), len(v.rejections)) for key, v in cache.items()}
    first.articles.append(first.articles[0])
    read_input_folder(folder, today=TODAY, parse_cache=cache)
    assert {key: (len(v.articles), len(v.rejections)) for key, v in cache.items()} == sizes


def test_a_read_result_survives_json_and_says_whether_it_depends_on_the_day(folder):
    future = folder / "tomorrow.md"
    future.write_text("---\ntitle: Завтра\npublished: 2026-11-26\n---\nТекст статьи о заводе.\n", encoding="utf-8")
    cache: dict = {}
    read_input_folder(folder, today=TODAY, parse_cache=cache)
    for result in cache.values():
        again = ReadResult.from_json(result.to_json())
        assert again == result
    by_file = {name: result for (name, _sha), result in cache.items()}
    assert by_file["tomorrow.md"].depends_on_today
    assert by_file["tomorrow.md"].rejections[0].reason == "invalid_metadata"
    # the same bytes read a day later are an article: so that entry may only be reused on the day it was made
    later = read_input_folder(folder, today=date(2026, 11, 27))
    assert any(a.file_name == "tomorrow.md" for a in later.articles)
    assert not any(r.depends_on_today for (name, _), r in cache.items() if name != "tomorrow.md" and r.articles)
