"""Reading the input folder: every file becomes articles or a rejection with a reason, nothing is lost."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from sources.models import REJECTION_REASONS, ReadResult
from sources.press_releases import (
    InputRejected,
    make_article_id,
    parse_front_matter_text,
    parse_html_article,
    parse_rss_feed,
    read_file,
    read_input_folder,
)

TODAY = date(2026, 11, 25)
DEV_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "articles"

RU_BODY = (
    "Акимат Костанайской области и немецкая компания подписали меморандум о строительстве завода "
    "сельхозтехники стоимостью 38 млн евро. На предприятии будет создано 200 рабочих мест."
)
FRONT_MATTER_ARTICLE = f"""---
title: "Немецкая компания построит завод"
published: 2025-03-05
source: Steppe Ledger
url: https://steppe-ledger.example-outlet.kz/news/2025/03/05/zavod
lang: ru
---
{RU_BODY}
"""


def read(folder: Path) -> ReadResult:
    return read_input_folder(folder, today=TODAY)


def only_rejection(folder: Path):
    result = read(folder)
    assert result.articles == []
    assert len(result.rejections) == 1, result.rejections
    return result.rejections[0]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- text and markdown -------------------------------------------------------------------------------------------


def test_text_with_front_matter_becomes_an_article_with_its_metadata(tmp_path):
    write(tmp_path, "ru_006.txt", FRONT_MATTER_ARTICLE)
    [article] = read(tmp_path).articles
    assert article.source_file == "ru_006.txt"
    assert article.file_name == "ru_006.txt"
    assert article.item_id is None
    assert article.format == "txt"
    assert article.title == "Немецкая компания построит завод"
    assert article.published == date(2025, 3, 5)
    assert article.outlet == "Steppe Ledger"
    assert article.url == "https://steppe-ledger.example-outlet.kz/news/2025/03/05/zavod"
    assert article.lang == "ru"
    assert article.text == RU_BODY
    assert article.content_sha256 == hashlib.sha256(RU_BODY.encode()).hexdigest()
    assert article.file_sha256 == hashlib.sha256(FRONT_MATTER_ARTICLE.encode()).hexdigest()


def test_text_without_front_matter_is_still_an_article_titled_by_its_first_line(tmp_path):
    write(tmp_path, "plain.txt", RU_BODY + "\n")
    [article] = read(tmp_path).articles
    assert (article.title, article.published, article.outlet, article.url) == (RU_BODY, None, None, None)
    assert article.text == RU_BODY
    assert article.lang == "ru"  # detected from the letters when no metadata says so


def test_markdown_file_is_read_like_text(tmp_path):
    write(tmp_path, "note.md", FRONT_MATTER_ARTICLE)
    [article] = read(tmp_path).articles
    assert article.format == "md"
    assert article.published == date(2025, 3, 5)


def test_kazakh_text_is_detected_as_kk_when_front_matter_has_no_lang(tmp_path):
    write(tmp_path, "kk.txt", "Махамбет ауданында үлкен диаметрлі құбыр зауыты салынады. Кәсіпорын жұмыс істейді.")
    [article] = read(tmp_path).articles
    assert article.lang == "kk"


def test_parse_front_matter_text_works_on_a_string():
    article = parse_front_matter_text(FRONT_MATTER_ARTICLE, "inline.txt", today=TODAY)
    assert article.source_file == "inline.txt"
    assert article.text == RU_BODY


def test_quoted_published_date_and_crlf_line_endings_are_accepted(tmp_path):
    content = FRONT_MATTER_ARTICLE.replace("published: 2025-03-05", 'published: "2025-03-05"').replace("\n", "\r\n")
    write(tmp_path, "crlf.txt", content.encode("utf-8"))
    [article] = read(tmp_path).articles
    assert article.published == date(2025, 3, 5)
    assert "\r" not in article.text


# --- bad text inputs ---------------------------------------------------------------------------------------------


def test_empty_file_is_rejected_as_empty(tmp_path):
    write(tmp_path, "empty.txt", b"")
    rejection = only_rejection(tmp_path)
    assert (rejection.file, rejection.reason) == ("empty.txt", "empty")
    assert "empty.txt" in rejection.message


def test_whitespace_only_file_is_rejected_as_empty(tmp_path):
    write(tmp_path, "blank.md", b"  \n\t\r\n   \n")
    assert only_rejection(tmp_path).reason == "empty"


def test_front_matter_without_body_is_rejected_as_empty(tmp_path):
    write(tmp_path, "meta_only.txt", "---\ntitle: x\n---\n\n")
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "empty"
    assert "no article text" in rejection.message


def test_binary_bytes_under_a_text_extension_are_rejected_as_encoding(tmp_path):
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    write(tmp_path, "random.txt", bytes((i * 151 + 7) % 256 for i in range(4000)))
    result = read(tmp_path)
    assert result.articles == []
    assert [(r.file, r.reason) for r in result.rejections] == [("image.txt", "encoding"), ("random.txt", "encoding")]
    assert "PNG" in result.rejections[0].message


def test_windows_1251_text_is_decoded_not_rejected(tmp_path):
    write(tmp_path, "cp1251.txt", FRONT_MATTER_ARTICLE.encode("cp1251"))
    [article] = read(tmp_path).articles
    assert article.text == RU_BODY
    assert article.title == "Немецкая компания построит завод"


def test_utf16_text_with_bom_is_decoded_not_rejected(tmp_path):
    write(tmp_path, "utf16.txt", FRONT_MATTER_ARTICLE.encode("utf-16"))
    [article] = read(tmp_path).articles
    assert article.text == RU_BODY
    assert article.published == date(2025, 3, 5)


def test_utf8_bom_is_not_part_of_the_text_or_metadata(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + FRONT_MATTER_ARTICLE.encode("utf-8"))
    [article] = read(tmp_path).articles
    assert article.title == "Немецкая компания построит завод"
    assert "\ufeff" not in article.text


def test_utf8_with_corrupted_bytes_is_rejected_as_encoding(tmp_path):
    data = FRONT_MATTER_ARTICLE.encode("utf-8")
    corrupted = data[:300] + b"\xff\xfe" + data[300:]
    write(tmp_path, "broken.txt", corrupted)
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "encoding"
    assert "corrupted" in rejection.message


def test_unclosed_front_matter_is_rejected_as_malformed(tmp_path):
    write(tmp_path, "unclosed.txt", "---\ntitle: Завод\npublished: 2025-03-05\n" + RU_BODY)
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "malformed"
    assert "never closed" in rejection.message


def test_invalid_yaml_front_matter_is_rejected_as_malformed(tmp_path):
    write(tmp_path, "bad_yaml.txt", '---\ntitle: "unterminated\npublished: [2025\n---\n' + RU_BODY)
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "malformed"
    assert "not valid YAML" in rejection.message


def test_front_matter_that_is_not_a_mapping_is_rejected_as_malformed(tmp_path):
    write(tmp_path, "list.txt", "---\n- a\n- b\n---\n" + RU_BODY)
    assert only_rejection(tmp_path).reason == "malformed"


def test_future_publication_date_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "future.txt", FRONT_MATTER_ARTICLE.replace("2025-03-05", "2027-01-01"))
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "invalid_metadata"
    assert "future" in rejection.message


def test_impossible_publication_date_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "impossible.txt", FRONT_MATTER_ARTICLE.replace("2025-03-05", "2025-13-45"))
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "invalid_metadata"
    assert "2025-13-45" in rejection.message


def test_publication_year_before_1991_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "old.txt", FRONT_MATTER_ARTICLE.replace("2025-03-05", "1925-03-05"))
    assert only_rejection(tmp_path).reason == "invalid_metadata"


def test_published_that_is_not_a_date_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "notadate.txt", FRONT_MATTER_ARTICLE.replace("2025-03-05", "вчера"))
    assert only_rejection(tmp_path).reason == "invalid_metadata"


# --- HTML ---------------------------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="ru-RU">
<head>
<meta charset="utf-8">
<title>В Мендыкаринском районе открыт цех — Ishim Courier</title>
<meta property="og:title" content="В Мендыкаринском районе открыт цех">
<meta property="article:published_time" content="2026-02-10T23:20:00+05:00">
<link rel="canonical" href="https://ishim-courier.example-outlet.kz/ekonomika/2026/02/10/zavod">
<script>var price = "999 млрд тенге";</script>
</head>
<body>
<header><nav><a href="/">Главная</a><a href="/biz">Бизнес</a></nav></header>
<main>
<article>
  <h1>В Мендыкаринском районе открыт цех</h1>
  <div class="meta-line"><time datetime="2026-02-10T23:20:00+05:00">10 февраля</time></div>
  <div class="article-body">
    <p>Турецкая компания «Ордабасы <b>Агро</b>» ввела в эксплуатацию завод в Мендыкаринском районе.</p>
    <p>Вложения в проект составили 8,3 млрд тенге.<br>Работу получили 61 житель района.</p>
  </div>
  <div class="share">Поделиться: Telegram</div>
</article>
</main>
<aside class="side-column">
  <section class="box rates"><h3>Курсы валют</h3>
    <table><tr><td>USD</td><td>511,40</td></tr><tr><td>EUR</td><td>560,15</td></tr></table></section>
  <section class="box popular"><ol>
    <li><a href="/a">В Денисовском районе откроют комбинат за 4 млрд тенге</a></li></ol></section>
</aside>
<footer><p>© 2026 Ishim Courier. Все права защищены.</p></footer>
</body></html>
"""


def test_html_article_body_excludes_navigation_currency_widget_most_read_and_footer(tmp_path):
    write(tmp_path, "page.html", HTML_PAGE)
    [article] = read(tmp_path).articles
    assert "Турецкая компания «Ордабасы Агро» ввела в эксплуатацию завод" in article.text
    assert "8,3 млрд тенге" in article.text
    for chrome in (
        "511,40",
        "560,15",
        "USD",
        "7 млрд тенге",
        "Денисовском",
        "Главная",
        "Все права защищены",
        "Поделиться",
        "999 млрд",
    ):
        assert chrome not in article.text


def test_html_metadata_comes_from_og_title_published_time_canonical_title_suffix_and_lang(tmp_path):
    write(tmp_path, "page.html", HTML_PAGE)
    [article] = read(tmp_path).articles
    assert article.format == "html"
    assert article.title == "В Мендыкаринском районе открыт цех"
    assert article.published == date(2026, 2, 10)  # local date as written, not converted to UTC
    assert article.url == "https://ishim-courier.example-outlet.kz/ekonomika/2026/02/10/zavod"
    assert article.outlet == "Ishim Courier"
    assert article.lang == "ru"


def test_html_without_article_body_div_uses_the_article_element_without_its_chrome():
    page = HTML_PAGE.replace('<div class="article-body">', "<div>")
    article = parse_html_article(page, "page.html", today=TODAY)
    assert "8,3 млрд тенге" in article.text
    assert "511,40" not in article.text
    assert "Поделиться" not in article.text


def test_html_without_any_article_element_falls_back_to_trafilatura():
    paragraphs = "".join(f"<p>{RU_BODY} Абзац номер {i}.</p>" for i in range(4))
    page = (
        f"<html lang='ru'><head><title>Новость</title></head><body><nav><a href='/'>Главная</a></nav>"
        f"<div id='content'>{paragraphs}</div><footer>© Все права защищены</footer></body></html>"
    )
    article = parse_html_article(page, "plain.html", today=TODAY)
    assert "38 млн евро" in article.text
    assert "Все права защищены" not in article.text


def test_html_published_falls_back_to_the_time_element():
    page = HTML_PAGE.replace('<meta property="article:published_time" content="2026-02-10T23:20:00+05:00">', "")
    article = parse_html_article(page, "page.html", today=TODAY)
    assert article.published == date(2026, 2, 10)


def test_html_with_no_article_body_is_rejected_as_not_an_article(tmp_path):
    write(
        tmp_path,
        "nav_only.html",
        "<html><head><title>Ishim Courier</title></head><body><nav><a href='/'>Главная"
        "</a></nav><footer>© 2026</footer></body></html>",
    )
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "not_an_article"
    assert "nav_only.html" in rejection.message


def test_russian_404_error_page_is_rejected_as_not_an_article(tmp_path):
    write(
        tmp_path,
        "missing.html",
        "<html lang='ru'><head><title>Страница не найдена — Ishim Courier</title></head>"
        "<body><article><h1>Ошибка 404</h1><p>Запрошенная страница не существует или "
        "была удалена. Вернитесь на главную страницу сайта и попробуйте поиск по сайту."
        "</p></article></body></html>",
    )
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "not_an_article"
    assert "error page" in rejection.message


def test_english_404_not_found_page_is_rejected_as_not_an_article(tmp_path):
    write(
        tmp_path,
        "nf.htm",
        "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
        "<p>The requested URL was not found on this server.</p></body></html>",
    )
    assert only_rejection(tmp_path).reason == "not_an_article"


def test_article_whose_title_starts_with_a_number_like_500_is_not_an_error_page():
    page = HTML_PAGE.replace("В Мендыкаринском районе открыт цех —", "500 новых рабочих мест в Карабалыке —")
    assert parse_html_article(page, "page.html", today=TODAY).text


def test_html_in_windows_1251_with_meta_charset_is_decoded(tmp_path):
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace("©", "(c)")
    write(tmp_path, "cp1251.html", page.encode("cp1251"))
    [article] = read(tmp_path).articles
    assert "Мендыкаринском" in article.text


# --- RSS / Atom ---------------------------------------------------------------------------------------------------

RSS_FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel>
<title>Орал Хабар — Бизнес</title><link>https://oral-habar.example-outlet.kz/biznes</link>
<language>ru</language>
<item>
<title>Кыргызская компания откроет фабрику</title>
<link>https://oral-habar.example-outlet.kz/biznes/2025/06/11/fabrika-tkani</link>
<guid isPermaLink="false">zp-gypsum</guid>
<pubDate>Wed, 11 Jun 2025 23:30:00 +0500</pubDate>
<description>Объем вложений &#8211; около 45 млн долларов США &amp; 130 рабочих мест.</description>
</item>
<item>
<title>Вьетнамская компания откроет фабрику в Уральске</title>
<link>https://oral-habar.example-outlet.kz/biznes/2025/06/12/uralsk-fabrika</link>
<pubDate>Thu, 12 Jun 2025 10:15:00 +0500</pubDate>
<description>&lt;p&gt;Объем вложений &amp;ndash; &lt;b&gt;9,8 млрд тенге&lt;/b&gt;.&lt;/p&gt;
&lt;p&gt;Запуск в 2027 году.&lt;/p&gt;</description>
</item>
</channel></rss>
"""


def test_rss_feed_gives_one_article_per_item_named_file_hash_guid(tmp_path):
    write(tmp_path, "feed.xml", RSS_FEED)
    result = read(tmp_path)
    assert result.rejections == []
    first, second = result.articles
    assert first.source_file == "feed.xml#zp-gypsum"
    assert first.file_name == "feed.xml"
    assert first.item_id == "zp-gypsum"
    assert first.format == "rss"
    assert first.text == (
        "Кыргызская компания откроет фабрику\nОбъем вложений – около 45 млн долларов США & 130 рабочих мест."
    )
    assert first.published == date(2025, 6, 11)  # local date of 23:30 +05:00, not the UTC date
    assert first.outlet == "Орал Хабар — Бизнес"
    assert first.url == "https://oral-habar.example-outlet.kz/biznes/2025/06/11/fabrika-tkani"
    assert first.lang == "ru"
    assert first.article_id == make_article_id(first.url, first.source_file)


def test_rss_item_without_guid_is_named_by_its_link_and_html_description_is_stripped(tmp_path):
    write(tmp_path, "feed.xml", RSS_FEED)
    second = read(tmp_path).articles[1]
    assert second.item_id == "https://oral-habar.example-outlet.kz/biznes/2025/06/12/uralsk-fabrika"
    assert second.source_file == f"feed.xml#{second.item_id}"
    assert "<" not in second.text and "&" not in second.text
    assert "Объем вложений – 9,8 млрд тенге." in second.text
    assert "Запуск в 2027 году." in second.text


def test_rss_item_without_text_is_rejected_as_not_an_article_for_that_item_only(tmp_path):
    feed = RSS_FEED.replace(
        "<item>\n<title>Вьетнамская", "<item><guid>empty-1</guid><title></title></item>\n<item>\n<title>Вьетнамская"
    )
    write(tmp_path, "feed.xml", feed)
    result = read(tmp_path)
    assert len(result.articles) == 2
    [rejection] = result.rejections
    assert (rejection.file, rejection.item, rejection.reason) == ("feed.xml#empty-1", "empty-1", "not_an_article")


def test_rss_item_with_future_pubdate_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "feed.rss", RSS_FEED.replace("Wed, 11 Jun 2025", "Wed, 11 Jun 2031"))
    result = read(tmp_path)
    assert [r.reason for r in result.rejections] == ["invalid_metadata"]
    assert result.rejections[0].file == "feed.rss#zp-gypsum"
    assert len(result.articles) == 1


def test_atom_feed_entries_become_articles(tmp_path):
    atom = """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Wire</title>
<entry><id>urn:steppe:1</id><title>Plant opens</title><link href="https://steppe.example-outlet.kz/1"/>
<published>2025-05-01T22:00:00+05:00</published><summary>A plant worth $10 million opened in Aktobe.</summary>
</entry></feed>"""
    write(tmp_path, "wire.atom", atom)
    [article] = read(tmp_path).articles
    assert article.source_file == "wire.atom#urn:steppe:1"
    assert article.text == "Plant opens\nA plant worth $10 million opened in Aktobe."
    assert article.published == date(2025, 5, 1)
    assert article.outlet == "Steppe Wire"


def test_parse_rss_feed_works_on_bytes():
    result = parse_rss_feed(RSS_FEED.encode(), "inline.xml", today=TODAY)
    assert [a.source_file for a in result.articles][0] == "inline.xml#zp-gypsum"


def test_truncated_rss_is_rejected_as_malformed(tmp_path):
    write(tmp_path, "feed.xml", RSS_FEED[: len(RSS_FEED) // 2])
    rejection = only_rejection(tmp_path)
    assert (rejection.file, rejection.reason) == ("feed.xml", "malformed")


def test_billion_laughs_xml_is_rejected_as_unsafe(tmp_path):
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    bomb += "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    bomb += (
        ']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title>'
        "<description>&lol9;</description></item></channel></rss>"
    )
    write(tmp_path, "bomb.xml", bomb)
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "unsafe"
    assert "bomb.xml" in rejection.message


def test_external_entity_xml_is_rejected_as_unsafe(tmp_path):
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title><description>&xxe;</description>'
        "</item></channel></rss>"
    )
    write(tmp_path, "xxe.rss", xxe)
    assert only_rejection(tmp_path).reason == "unsafe"


def test_xml_that_is_not_a_feed_is_rejected_as_not_an_article(tmp_path):
    write(tmp_path, "rates.xml", "<rates><date>24.04.2013</date><item><title>USD</title></item></rates>")
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "not_an_article"
    assert "<rates>" in rejection.message


def test_feed_without_items_is_rejected_as_not_an_article(tmp_path):
    write(tmp_path, "feed.xml", '<rss version="2.0"><channel><title>t</title></channel></rss>')
    assert only_rejection(tmp_path).reason == "not_an_article"


# --- formats, sizes, duplicates, links, names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ("report.docx", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
        ("README", b"no extension"),
    ],
)
def test_pdf_docx_images_and_unknown_extensions_are_rejected_as_unsupported_format(tmp_path, name, content):
    write(tmp_path, name, content)
    rejection = only_rejection(tmp_path)
    assert (rejection.file, rejection.reason) == (name, "unsupported_format")
    assert "supported" in rejection.message


def test_file_over_the_size_limit_is_rejected_as_too_large(tmp_path):
    write(tmp_path, "big.txt", RU_BODY * 200)
    result = read_input_folder(tmp_path, max_file_bytes=10_000, today=TODAY)
    [rejection] = result.rejections
    assert rejection.reason == "too_large"
    assert "10,000" in rejection.message


def test_file_with_a_very_long_line_is_rejected_as_too_large(tmp_path):
    write(tmp_path, "long_line.txt", "Завод " * 5_000 + "\nвторая строка\n")
    result = read_input_folder(tmp_path, max_line_chars=10_000, today=TODAY)
    [rejection] = result.rejections
    assert rejection.reason == "too_large"
    assert "line" in rejection.message


def test_byte_identical_duplicate_is_rejected_and_names_the_earlier_file(tmp_path):
    write(tmp_path, "b_copy.txt", FRONT_MATTER_ARTICLE)
    write(tmp_path, "a_original.txt", FRONT_MATTER_ARTICLE)
    result = read(tmp_path)
    assert [a.source_file for a in result.articles] == ["a_original.txt"]
    [rejection] = result.rejections
    assert (rejection.file, rejection.reason) == ("b_copy.txt", "duplicate_file")
    assert "a_original.txt" in rejection.message


def test_same_article_republished_by_another_outlet_is_not_rejected(tmp_path):
    write(tmp_path, "outlet_a.txt", FRONT_MATTER_ARTICLE)
    write(
        tmp_path,
        "outlet_b.txt",
        FRONT_MATTER_ARTICLE.replace("Steppe Ledger", "Ishim Courier").replace("steppe-ledger", "ishim-courier"),
    )
    result = read(tmp_path)
    assert result.rejections == []
    a, b = result.articles
    assert a.content_sha256 == b.content_sha256
    assert a.article_id != b.article_id


def test_known_hash_from_an_earlier_run_makes_a_renamed_copy_a_duplicate(tmp_path):
    write(tmp_path, "renamed.txt", FRONT_MATTER_ARTICLE)
    file_sha = hashlib.sha256(FRONT_MATTER_ARTICLE.encode()).hexdigest()
    result = read_input_folder(tmp_path, today=TODAY, known_hashes={file_sha: "old_name.txt"})
    assert [(r.reason, "old_name.txt" in r.message) for r in result.rejections] == [("duplicate_file", True)]
    again = read_input_folder(tmp_path, today=TODAY, known_hashes={file_sha: "renamed.txt"})
    assert len(again.articles) == 1


def test_symlink_leading_outside_the_input_folder_is_rejected_as_unsafe(tmp_path):
    outside = write(tmp_path, "outside/secret.txt", RU_BODY)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "link.txt").symlink_to(outside)
    (inbox / "dir_link").symlink_to(outside.parent, target_is_directory=True)
    result = read(inbox)
    assert result.articles == []
    assert [(r.file, r.reason) for r in result.rejections] == [("dir_link", "unsafe"), ("link.txt", "unsafe")]
    assert "outside the input folder" in result.rejections[1].message


def test_symlink_inside_the_input_folder_is_read_as_its_target(tmp_path):
    target = write(tmp_path, "a.txt", FRONT_MATTER_ARTICLE)
    (tmp_path / "b_link.txt").symlink_to(target)
    result = read(tmp_path)
    assert [a.source_file for a in result.articles] == ["a.txt"]
    assert [r.reason for r in result.rejections] == ["duplicate_file"]


def test_odd_file_names_with_spaces_unicode_and_great_length_are_read(tmp_path):
    names = ["with space & (brackets).txt", "Жаңа зауыт №1 — «Ақтөбе».md", "x" * 240 + ".txt", "emoji 🏭.txt"]
    for i, name in enumerate(names):
        write(tmp_path, name, f"{RU_BODY} Вариант {i}.")
    result = read(tmp_path)
    assert result.rejections == []
    assert sorted(a.source_file for a in result.articles) == sorted(names)


def test_file_name_with_undecodable_bytes_is_read_under_an_escaped_name(tmp_path):
    raw_name = os.fsencode(tmp_path) + b"/bad\xff-name.txt"
    with open(raw_name, "wb") as f:
        f.write(RU_BODY.encode())
    [article] = read(tmp_path).articles
    assert article.source_file == "bad\\xff-name.txt"
    assert len(article.article_id) == 16


def test_hidden_files_are_skipped_and_subfolders_are_read_in_relative_path_order(tmp_path):
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path, ".git/config", "[core]")
    write(tmp_path, "b/2.txt", RU_BODY + " Два.")
    write(tmp_path, "a/1.txt", RU_BODY + " Один.")
    write(tmp_path, "c.txt", RU_BODY + " Три.")
    result = read(tmp_path)
    assert result.rejections == []
    assert [a.source_file for a in result.articles] == ["a/1.txt", "b/2.txt", "c.txt"]


def test_read_file_reads_one_file_relative_to_its_root(tmp_path):
    path = write(tmp_path, "sub/one.txt", FRONT_MATTER_ARTICLE)
    result = read_file(path, tmp_path, today=TODAY)
    assert [a.source_file for a in result.articles] == ["sub/one.txt"]


def test_input_rejected_is_what_the_string_helpers_raise():
    with pytest.raises(InputRejected) as caught:
        parse_front_matter_text("---\ntitle: x\n", "x.txt", today=TODAY)
    assert caught.value.reason == "malformed"


def test_every_rejection_reason_used_is_a_known_reason(tmp_path):
    write(tmp_path, "e.txt", b"")
    write(tmp_path, "p.pdf", b"%PDF")
    write(tmp_path, "t.xml", "<rss")
    assert {r.reason for r in read(tmp_path).rejections} <= set(REJECTION_REASONS)


# --- ids ----------------------------------------------------------------------------------------------------------


def test_article_id_is_sha256_of_url_when_there_is_one_else_of_the_source_file():
    assert make_article_id("https://x.example/1", "a.txt") == hashlib.sha256(b"https://x.example/1").hexdigest()[:16]
    assert make_article_id(None, "feed.xml#g1") == hashlib.sha256(b"feed.xml#g1").hexdigest()[:16]


def test_article_id_is_stable_across_runs_and_content_edits(tmp_path):
    write(tmp_path, "a.txt", FRONT_MATTER_ARTICLE)
    write(tmp_path, "b.txt", RU_BODY)
    first = read(tmp_path).articles
    assert [a.article_id for a in read(tmp_path).articles] == [a.article_id for a in first]
    write(tmp_path, "a.txt", FRONT_MATTER_ARTICLE.replace("38 млн евро", "40 млн евро"))
    write(tmp_path, "b.txt", RU_BODY + " Дополнено.")
    edited = read(tmp_path).articles
    assert [a.article_id for a in edited] == [a.article_id for a in first]
    assert all(e.content_sha256 != f.content_sha256 for e, f in zip(edited, first, strict=True))


# --- the development corpus ---------------------------------------------------------------------------------------


@pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="../shared/eval/dev/articles is not present")
def test_dev_corpus_reads_into_articles_with_two_feed_items_and_two_rejections():
    result = read_input_folder(DEV_ARTICLES, today=TODAY)
    assert sorted((r.file, r.reason) for r in result.rejections) == [
        ("ru_010_kostanay_news_2025_03.txt", "duplicate_file"),
        ("ru_011_kostanay_news_2025_08.txt", "empty"),
    ]
    assert "ru_006_kostanay_german_agromachinery.txt" in result.rejections[0].message
    files = sorted(p.name for p in DEV_ARTICLES.iterdir())
    assert len(result.articles) == len(files) - 2 - 1 + 2
    assert [a.source_file for a in result.articles if a.format == "rss"] == [
        "feed.xml#zp-2025-06-11-inder-gypsum",
        "feed.xml#zp-2025-06-12-aktobe-pharma",
    ]
    html = {a.source_file: a for a in result.articles if a.format == "html"}
    assert "511,40" not in html["ru_009_kostanay_karabalyk_dairy_launched.html"].text
    assert html["ru_009_kostanay_karabalyk_dairy_launched.html"].published == date(2026, 2, 10)


# --- hostile structure and odd file types ------------------------------------------------------------------------


def test_symlink_loop_is_rejected_as_unsafe(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    rejection = only_rejection(tmp_path)
    assert (rejection.file, rejection.reason) == ("loop.txt", "unsafe")


def test_named_pipe_under_a_text_extension_is_rejected_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    rejection = only_rejection(tmp_path)
    assert (rejection.file, rejection.reason) == ("pipe.txt", "unsupported_format")


def test_html_nested_deeper_than_the_limit_is_rejected_before_parsing(tmp_path):
    depth = 20_000
    write(tmp_path, "deep.html", "<html><body>" + "<div>\n" * depth + "текст" + "</div>\n" * depth + "</body></html>")
    rejection = only_rejection(tmp_path)
    assert rejection.reason == "too_large"
    assert "levels deep" in rejection.message


def test_html_with_many_unclosed_paragraphs_is_not_mistaken_for_deep_nesting():
    page = "<html><body><article>" + f"<p>{RU_BODY}\n" * 6_000 + "</article></body></html>"
    assert parse_html_article(page, "flat.html", today=TODAY).text.startswith("Акимат")


def test_the_same_feed_item_in_two_feed_snapshots_is_loaded_once(tmp_path):
    write(tmp_path, "feed_2025-06-11.xml", RSS_FEED)
    write(tmp_path, "feed_2025-06-12.xml", RSS_FEED.replace("<language>ru</language>", "<language>ru-RU</language>"))
    result = read(tmp_path)
    assert [a.file_name for a in result.articles] == ["feed_2025-06-11.xml"] * 2
    assert [(r.file, r.reason) for r in result.rejections] == [
        ("feed_2025-06-12.xml#zp-gypsum", "duplicate_file"),
        (f"feed_2025-06-12.xml#{result.articles[1].item_id}", "duplicate_file"),
    ]
    assert "feed_2025-06-11.xml#zp-gypsum" in result.rejections[0].message


def test_time_element_that_is_not_a_date_leaves_published_null():
    page = HTML_PAGE.replace('<meta property="article:published_time" content="2026-02-10T23:20:00+05:00">', "")
    page = page.replace('datetime="2026-02-10T23:20:00+05:00"', 'datetime="вчера"')
    assert parse_html_article(page, "page.html", today=TODAY).published is None


def test_invalid_published_time_meta_is_rejected_as_invalid_metadata(tmp_path):
    write(tmp_path, "page.html", HTML_PAGE.replace('content="2026-02-10T23:20:00+05:00"', 'content="2026-02-30"'))
    assert only_rejection(tmp_path).reason == "invalid_metadata"


def test_feed_item_repeating_an_earlier_guid_is_rejected_and_each_rejection_has_its_own_key(tmp_path):
    items = "".join(
        f"<item><guid>same</guid><title>t{i}</title>{desc}</item>"
        for i, desc in enumerate(["", "<description>Текст статьи.</description>", ""])
    )
    write(tmp_path, "feed.xml", f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>')
    result = read(tmp_path)
    assert result.articles == []
    assert [(r.file, r.reason) for r in result.rejections] == [
        ("feed.xml#same", "not_an_article"),
        ("feed.xml#same", "malformed"),
        ("feed.xml#same", "malformed"),
    ]
    assert len({r.content_sha256 for r in result.rejections}) == 3


# --- reasons for what cannot be read or parsed ------------------------------------------------------------------


def test_a_file_that_cannot_be_read_is_quarantined_as_unreadable(tmp_path, monkeypatch):
    write(tmp_path, "locked.txt", FRONT_MATTER_ARTICLE)
    write(tmp_path, "open.txt", FRONT_MATTER_ARTICLE.replace("zavod", "zavod-2"))
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = read(tmp_path)
    assert [a.file_name for a in result.articles] == ["open.txt"]
    [rejection] = result.rejections
    assert (rejection.file, rejection.reason) == ("locked.txt", "unreadable")
    assert "Permission denied" in rejection.message


def test_an_unexpected_parser_exception_is_a_processing_error_naming_it(tmp_path, monkeypatch):
    import sources.press_releases as reader

    write(tmp_path, "boom.txt", FRONT_MATTER_ARTICLE)
    write(tmp_path, "fine.html", HTML_PAGE)

    def explode(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(reader, "parse_front_matter_text", explode)
    result = read(tmp_path)
    assert [a.file_name for a in result.articles] == ["fine.html"]
    [rejection] = result.rejections
    assert rejection.reason == "processing_error"
    assert "RuntimeError: parser bug" in rejection.message and reader.READER_VERSION in rejection.message
