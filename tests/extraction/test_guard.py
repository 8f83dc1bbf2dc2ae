"""One article never stops a run: the extractor's exceptions come back as processing errors, NaN is missing."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

import extraction.guard as guard
from extraction.batch import records_for_read
from extraction.guard import EXTRACTOR_VERSION, ProcessingError, extract_guarded
from sources.models import ReadResult
from sources.press_releases import parse_front_matter_text

TEXT = ("Акимат Жамбылской области и ТОО «Тараз Плитка» подписали соглашение о строительстве завода керамической "
        "плитки стоимостью 7 млрд тенге.")


def test_missing_values_from_a_table_are_missing_not_text():
    # what a DataFrame row gives for null columns: NaN title and language, NaT date
    records = extract_guarded(TEXT, published=pd.NaT, lang=math.nan, title=math.nan)
    assert not isinstance(records, ProcessingError)
    assert len(records) == 1 and records[0].amount == 7e9


def test_an_exception_in_the_extractor_is_returned_with_its_type_message_and_version(monkeypatch):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("division by zero in a rule")

    monkeypatch.setattr(guard, "extract_article", explode)
    outcome = extract_guarded(TEXT, published=date(2025, 3, 1))
    assert outcome == ProcessingError("extract", "ZeroDivisionError", "division by zero in a rule", EXTRACTOR_VERSION)
    message = outcome.describe("tiles.txt")
    assert "tiles.txt" in message and "ZeroDivisionError" in message and EXTRACTOR_VERSION in message


def test_the_extract_command_quarantines_the_failing_article_and_goes_on(monkeypatch):
    real = guard.extract_article

    def fails_on_marker(text, **kwargs):
        if "СБОЙ" in text:
            raise ValueError("bad token")
        return real(text, **kwargs)

    monkeypatch.setattr(guard, "extract_article", fails_on_marker)
    good = parse_front_matter_text(TEXT, "good.txt", today=date(2026, 1, 1))
    bad = parse_front_matter_text(TEXT + " СБОЙ", "bad.txt", today=date(2026, 1, 1))
    records = list(records_for_read(ReadResult(articles=[good, bad])))
    assert [(r["record"], r["file"]) for r in records] == [("deal_mention", "good.txt"), ("quarantine", "bad.txt")]
    assert records[1]["reason"] == "processing_error" and "ValueError: bad token" in records[1]["message"]


def test_the_extract_command_reads_only_the_current_version_of_a_resaved_page():
    front = "---\nurl: https://x.example-outlet.kz/tiles\npublished: {d}\n---\n"
    old = parse_front_matter_text(front.format(d="2025-03-01") + TEXT, "tiles.txt", today=date(2026, 1, 1))
    new = parse_front_matter_text(front.format(d="2025-03-02") + TEXT.replace("7 млрд", "7,5 млрд"),
                                  "tiles (1).txt", today=date(2026, 1, 1))
    records = list(records_for_read(ReadResult(articles=[old, new])))
    assert [(r["file"], r["amount"]) for r in records] == [("tiles (1).txt", 7.5e9)]


def test_extract_many_in_a_pool_gives_what_extracting_one_by_one_gives():
    from extraction.batch import PARALLEL_THRESHOLD, extract_many

    rows = [{"text": f"ТОО «Завод {i}» построит цех в Шетском районе. Стоимость проекта – {i + 2} млрд тенге.",
             "published": None, "lang": "ru", "title": None} for i in range(PARALLEL_THRESHOLD + 5)]
    assert extract_many(rows, workers=2) == extract_many(rows, workers=1)
    assert all(isinstance(outcome, list) and outcome for outcome in extract_many(rows[:3]))
