"""Property tests: whatever bytes land in the input folder, reading it never crashes and never loses a file."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.models import REJECTION_REASONS
from sources.press_releases import UNEXPECTED_PARSER_ERROR, read_input_folder

TODAY = date(2026, 11, 25)
EXTENSIONS = [".txt", ".md", ".html", ".htm", ".xml", ".rss", ".pdf", ".bin", ""]
# INVEST_TRACKER_FUZZ_EXAMPLES=2000 for a longer fuzzing session; the default keeps the suite fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("INVEST_TRACKER_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі abcxyz0123456789.,–«»&<>\"'\n"
words = st.text(alphabet=st.sampled_from(list(LETTERS)), max_size=80)
tags = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "main",
        "nav",
        "aside",
        "footer",
        "h1",
        "title",
        "time",
        "span",
        "b",
        "script",
        "style",
        "table",
        "td",
        "li",
        "br",
    ]
)
classes = st.sampled_from(["", "article-body", "widget currency", "most-read", "share"])


@st.composite
def html_documents(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(tags)
        cls = draw(classes)
        attr = f' class="{cls}"' if cls else ""
        closed = draw(st.booleans())
        parts.append(
            f"<{tag}{attr}>{escape(draw(words)) if draw(st.booleans()) else draw(words)}"
            + (f"</{tag}>" if closed else "")
        )
    lang = draw(st.sampled_from(["", ' lang="ru"', ' lang="kk-KZ"', " lang=''"]))
    meta = draw(
        st.sampled_from(
            [
                "",
                '<meta property="article:published_time" content="2025-02-30">',
                '<meta property="article:published_time" content="2024-05-01T10:00:00+05:00">',
                '<meta property="og:title" content="">',
                '<link rel="canonical" href="/relative">',
            ]
        )
    )
    return f"<html{lang}><head>{meta}</head><body>{''.join(parts)}</body></html>"


PUB_DATES = st.sampled_from(
    [
        "Wed, 11 Jun 2025 13:45:00 +0500",
        "garbage",
        "",
        "Mon, 31 Feb 2025 10:00:00 GMT",
        "2025-06-11T10:00:00Z",
        "Sat, 01 Jan 2050 00:00:00 +0000",
    ]
)


@st.composite
def feeds(draw) -> str:
    items = []
    for i in range(draw(st.integers(0, 4))):
        fields = []
        if draw(st.booleans()):
            fields.append(f"<guid>{escape(draw(words))}</guid>")
        if draw(st.booleans()):
            fields.append(f"<link>https://x.example/{i}</link>")
        if draw(st.booleans()):
            fields.append(f"<title>{escape(draw(words))}</title>")
        if draw(st.booleans()):
            fields.append(f"<description>{escape(draw(words))}</description>")
        if draw(st.booleans()):
            fields.append(f"<pubDate>{escape(draw(PUB_DATES))}</pubDate>")
        items.append(f"<item>{''.join(fields)}</item>")
    doc = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(draw(words))}</title>'
        f"{''.join(items)}</channel></rss>"
    )
    cut = draw(st.one_of(st.none(), st.integers(0, len(doc))))
    return doc if cut is None else doc[:cut]


def assert_nothing_lost(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).write_bytes(data)
        result = read_input_folder(root, today=TODAY)
    accounted = {a.file_name for a in result.articles}
    for rejection in result.rejections:
        assert rejection.reason in REJECTION_REASONS
        assert UNEXPECTED_PARSER_ERROR not in rejection.message, rejection.message
        accounted.add(rejection.file[: -len(rejection.item) - 1] if rejection.item is not None else rejection.file)
    assert accounted == set(files)
    # the warehouse keys: one row per article version, one per rejected input version
    article_keys = [(a.article_id, a.content_sha256) for a in result.articles]
    assert len(article_keys) == len(set(article_keys))
    rejection_keys = [(r.file, r.content_sha256) for r in result.rejections]
    assert len(rejection_keys) == len(set(rejection_keys))


@SETTINGS
@given(st.lists(st.tuples(st.binary(max_size=600), st.sampled_from(EXTENSIONS)), min_size=1, max_size=6))
def test_random_bytes_under_any_extension_never_crash_and_every_file_is_accounted_for(entries):
    assert_nothing_lost({f"f{i}{ext}": data for i, (data, ext) in enumerate(entries)})


@SETTINGS
@given(st.lists(html_documents(), min_size=1, max_size=4))
def test_random_html_pages_never_crash_and_every_file_is_accounted_for(pages):
    assert_nothing_lost({f"page{i}.html": page.encode("utf-8") for i, page in enumerate(pages)})


@SETTINGS
@given(st.lists(feeds(), min_size=1, max_size=4))
def test_random_feeds_never_crash_and_every_file_is_accounted_for(docs):
    assert_nothing_lost({f"feed{i}.xml": doc.encode("utf-8") for i, doc in enumerate(docs)})


SEEDS = {
    "a.txt": "---\ntitle: Завод\npublished: 2025-03-05\nurl: https://x.example/1\n---\nТекст статьи о заводе.\n",
    "b.html": "<html lang='ru'><head><title>Завод — Outlet</title></head><body><article><div class='article-body'>"
    "<p>Текст статьи о заводе стоимостью 5 млрд тенге, построенном в Актобе компанией из Китая.</p>"
    "</div></article><aside class='widget'>USD 503</aside></body></html>",
    "c.xml": "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><guid>g</guid><title>A</title>"
    "<description>&lt;p&gt;Текст&lt;/p&gt;</description><pubDate>Wed, 11 Jun 2025 13:45:00 +0500</pubDate>"
    "</item></channel></rss>",
}


@st.composite
def mutated_seeds(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name].encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1251"])), "replace"))
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "truncate"]))
        if action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 8))]
        else:
            del data[position:]
    return name, bytes(data)


@SETTINGS
@given(st.lists(mutated_seeds(), min_size=1, max_size=5))
def test_mutated_valid_inputs_never_crash_and_every_file_is_accounted_for(entries):
    assert_nothing_lost({f"{i}_{name}": data for i, (name, data) in enumerate(entries)})


@SETTINGS
@given(front=st.text(max_size=200), body=words)
def test_random_front_matter_never_crashes_and_the_file_is_accounted_for(front, body):
    assert_nothing_lost({"a.txt": f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")})


def test_a_folder_parsed_in_a_process_pool_reads_as_one_parsed_file_by_file(tmp_path, fuzz_inputs, monkeypatch):
    # a seeded folder of every kind of input (duplicates, versions, feeds, broken files), read in small chunks
    # whose parsing goes to the pool, and read serially: the same articles and rejections in the same order
    import random

    from sources import press_releases

    fuzz_inputs.build_folder(random.Random(7), tmp_path, 150)
    monkeypatch.setattr(press_releases, "PARALLEL_PARSE_THRESHOLD", 10**9)
    serial = read_input_folder(tmp_path, today=TODAY)
    monkeypatch.setattr(press_releases, "PARALLEL_PARSE_THRESHOLD", 1)
    monkeypatch.setattr(press_releases, "PARSE_CHUNK", 37)
    parallel = read_input_folder(tmp_path, today=TODAY)
    assert len(serial.articles) > 50 and len(serial.rejections) > 10
    assert parallel == serial
