"""Publication dates as real inputs write them: partial dates keep their precision, datelines give a date."""

from __future__ import annotations

from datetime import date

import pytest

from sources.dates import DateFormatError, PublishedDate, find_dateline, parse_date_value
from sources.press_releases import parse_front_matter_text, parse_html_article, title_from_text

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-15", PublishedDate(date(2025, 4, 15), "day")),
        ("2025-04-15T09:30:00+05:00", PublishedDate(date(2025, 4, 15), "day")),
        ("2025/04/15", PublishedDate(date(2025, 4, 15), "day")),
        ("15.04.2025", PublishedDate(date(2025, 4, 15), "day")),
        ("15.04.2025 09:30", PublishedDate(date(2025, 4, 15), "day")),
        ("2025-04", PublishedDate(date(2025, 4, 1), "month")),
        ("2025-4", PublishedDate(date(2025, 4, 1), "month")),
        ("2025", PublishedDate(date(2025, 1, 1), "year")),
        (" 2024-02 ", PublishedDate(date(2024, 2, 1), "month")),
    ],
)
def test_metadata_dates_full_and_partial(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "вчера", "April", "25", "2025-04-15-16"])
def test_impossible_or_unreadable_dates_are_errors(value):
    with pytest.raises(DateFormatError):
        parse_date_value(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 апреля 2025, 10:30\nВ Шымкенте открыли цех.", date(2025, 4, 15)),
        ("Астана, 2025 жылғы 3 наурыз\nЗауыт іске қосылды.", date(2025, 3, 3)),
        ("April 3, 2025\nA plant opened in Aktau.", date(2025, 4, 3)),
        ("Ust-Kamenogorsk, 3 April 2025\nA plant opened.", date(2025, 4, 3)),
        ("2025-06-01\nНовости региона", date(2025, 6, 1)),
        ("Новости региона\n03.04.2025 — В Таразе запустили линию по выпуску плитки.", date(2025, 4, 3)),
    ],
)
def test_dateline_gives_the_date(text, expected):
    found = find_dateline(text)
    assert found == PublishedDate(expected, "day")


@pytest.mark.parametrize(
    "text",
    [
        # a date inside a sentence is the event's date, not the publication's
        "15 апреля 2025 года в Костанае состоится открытие нового завода по выпуску кормов для птицы.",
        "The plant will open on April 3, 2025 in the industrial zone of the city, the akimat said today.",
        "Заголовок\nПодзаголовок\nЕщё строка\n15 апреля 2025",  # beyond the first lines
        "Завод откроют\n31.02.2025",  # impossible
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_text_without_front_matter_takes_title_from_first_line_and_date_from_dateline():
    text = "Кирпичный завод открыт в Таразе\n12.03.2025\nЗавод стоимостью 2 млрд тенге открыт в Таразе."
    article = parse_front_matter_text(text, "plain.txt", today=TODAY)
    assert article.title == "Кирпичный завод открыт в Таразе"
    assert (article.published, article.published_precision) == (date(2025, 3, 12), "day")
    assert article.text == text  # the body is the whole text: nothing is cut from what extraction reads


def test_text_without_front_matter_or_dateline_has_no_date():
    article = parse_front_matter_text("Кирпичный завод открыт в Таразе.\nЕго стоимость 2 млрд тенге.", "p.txt",
                                      today=TODAY)
    assert article.published is None and article.published_precision is None
    assert article.title == "Кирпичный завод открыт в Таразе."


def test_partial_front_matter_date_is_kept_with_its_precision():
    article = parse_front_matter_text("---\npublished: 2025-04\n---\nТекст о заводе.", "m.txt", today=TODAY)
    assert (article.published, article.published_precision) == (date(2025, 4, 1), "month")
    article = parse_front_matter_text("---\npublished: 2024\n---\nТекст о заводе.", "y.txt", today=TODAY)
    assert (article.published, article.published_precision) == (date(2024, 1, 1), "year")


def test_front_matter_date_wins_over_a_dateline():
    article = parse_front_matter_text("---\npublished: 2025-05-02\n---\n01.05.2025\nТекст.", "d.txt", today=TODAY)
    assert (article.published, article.published_precision) == (date(2025, 5, 2), "day")


def test_title_skips_a_dateline_and_shortens_a_long_first_line():
    assert title_from_text("15 апреля 2025\nЗавод открыт") == "Завод открыт"
    long_line = "слово " * 80
    title = title_from_text(long_line)
    assert title.endswith("…") and len(title) <= 201


def test_html_page_without_date_metadata_takes_the_dateline():
    page = (
        "<html><head><title>Цех открыт | Региональные вести</title></head><body><article>"
        "<p>Шымкент, 4 июня 2025</p><p>В Шымкенте открыли цех по переработке пластика стоимостью "
        "1,2 млрд тенге. Инвестор ТОО «Пласт Өнім».</p></article></body></html>"
    )
    article = parse_html_article(page, "page.html", today=TODAY)
    assert (article.published, article.published_precision) == (date(2025, 6, 4), "day")
    assert article.title == "Цех открыт"
