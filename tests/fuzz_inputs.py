"""Random input folders for the pipeline's fuzz tests: good articles mixed with every kind of bad input.

`build_folder(rng, root, n_files)` writes `n_files` inputs (some as groups: re-saved versions of one page, feeds)
and returns the relative names it wrote. Everything is our own invented text; the seeded generator is
deterministic, so a failing case can be written again from its seed.
"""

from __future__ import annotations

import random
from pathlib import Path

COMPANIES = ["ТОО «Дала Керамика»", "Altyn Dala Agro LLP", "Shanxi Taihang Glass Co., Ltd.", "ЖШС «Көкжиек Сүт»",
             "Hanseatic Feed GmbH", "АО «Ертіс Кабель»", "Bosphorus Yapı A.Ş.", "Samarkand Textile LLC"]
PLACES = ["в Шортандинском районе Акмолинской области", "в Байзакском районе Жамбылской области",
          "в городе Темиртау Карагандинской области", "in Sairam district of Turkestan region",
          "Түркістан облысының Сайрам ауданында", "в Глубоковском районе Восточно-Казахстанской области"]
PRODUCTS = ["завод керамической плитки", "молочный комплекс", "стекольный завод", "feed mill", "кабельный завод",
            "тепличный комплекс", "сүт зауыты", "cement plant"]
STATUS_WORDS = ["подписали меморандум о строительстве", "начали строительство", "открыли",
                "signed an agreement to build", "commissioned", "іске қосылды"]
AMOUNTS = ["4,5 млрд тенге", "12 млн долларов", "$38 million", "KZT 7.2 bn", "2 млрд 300 млн теңге", "950 млн рублей",
           "18 млн евро"]
NAME_PARTS = ["статья", "article", "мақала", "press release", "новость 📈", "page", "копия", "итог года"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1251", "utf-16"]
BAD_BYTES = [b"", b"   \n\t\n", bytes(range(256)) * 4, b"\xff\xfe\x00\x00garbage", b"---\ntitle: x\n",
             "---\ntitle: [unclosed\n---\nТекст.\n".encode(), "---\npublished: 2099-01-01\n---\nТекст.\n".encode(),
             "---\npublished: 2025-13\n---\nТекст.\n".encode(), b"%PDF-1.4\n%\xe2\xe3\n",
             b"<html><body><nav>menu</nav></body></html>"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(COMPANIES)} {rng.choice(STATUS_WORDS)} {rng.choice(PRODUCTS)} {rng.choice(PLACES)} "
            f"стоимостью {rng.choice(AMOUNTS)}. Будет создано {rng.randint(5, 900)} рабочих мест.")


def _body(rng: random.Random) -> str:
    return "\n\n".join(_sentence(rng) for _ in range(rng.randint(1, 3)))


def _date(rng: random.Random) -> str | None:
    return rng.choice([None, "2024-03-05", "2025-06", "2025", "2025-11-30", "15.04.2025",
                       f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])


def _front_matter(rng: random.Random, url: str | None, published: str | None, title: str | None) -> str:
    lines = []
    if title is not None:
        lines.append(f"title: {title!r}" if rng.random() < 0.8 else "title: " + "Очень длинный заголовок " * 400)
    if published:
        lines.append(f"published: {published}")
    if url:
        lines.append(f"url: {url}")
    if rng.random() < 0.5:
        lines.append(f"lang: {rng.choice(['ru', 'kk', 'en', 'ru-RU', ''])}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _name(rng: random.Random, index: int, suffix: str) -> str:
    folder = rng.choice(["", "", "2025/", "архив/март/", "feeds saved/", "🗂 inbox/"])
    return f"{folder}{rng.choice(NAME_PARTS)} {index}{suffix}"


def _good_text(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    url = f"https://region-{rng.randint(1, 5)}.example-outlet.kz/news/{index}" if rng.random() < 0.7 else None
    text = _front_matter(rng, url, _date(rng), f"Новость {index}") + _body(rng)
    return [(_name(rng, index, rng.choice([".txt", ".md"])), text.encode("utf-8"))]


def _plain_text(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    """No front matter: a title line, maybe a dateline, the body; in one of several encodings."""
    lines = [f"Заголовок новости {index}"]
    if rng.random() < 0.5:
        lines.append(rng.choice(["12.03.2025", "3 апреля 2025, 10:15", "2025 жылғы 5 мамыр", "April 7, 2025"]))
    lines.append(_body(rng))
    text = "\n".join(lines)
    encoding = rng.choice(ENCODINGS)
    return [(_name(rng, index, ".txt"), text.encode(encoding, errors="replace"))]


def _versions(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    """The same page saved two to four times, edited in between, dates equal, later or missing."""
    url = f"https://akimat-{index}.example-outlet.kz/press/{index}"
    body = _body(rng)
    files = []
    for version in range(rng.randint(2, 4)):
        edited = body + (f"\n\nОбновлено: правка {version}." if version else "")
        published = rng.choice(["2025-05-12", "2025-05-13", None])
        text = _front_matter(rng, url, published, f"Страница {index}") + edited
        files.append((_name(rng, index * 10 + version, ".txt"), text.encode("utf-8")))
    return files


def _html(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    meta = rng.choice(["", '<meta property="article:published_time" content="2025-04-02T09:00:00+05:00">',
                       '<meta property="article:published_time" content="2025-04">'])
    canonical = f'<link rel="canonical" href="https://site.example-outlet.kz/a/{index}">' if rng.random() < 0.6 else ""
    chrome = "<div class='widget currency'>USD 512.3 EUR 548.1</div><footer>© 2025</footer>"
    page = (f"<html lang='ru'><head><title>Проект {index} | Вести</title>{meta}{canonical}</head><body>{chrome}"
            f"<article><h1>Проект {index}</h1><p>{_body(rng)}</p></article></body></html>")
    return [(_name(rng, index, ".html"), page.encode(rng.choice(["utf-8", "cp1251"]), errors="replace"))]


def _feed(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    items = []
    for item in range(rng.randint(1, 3)):
        link = f"https://feed-{index}.example-outlet.kz/{rng.randint(0, 1)}"  # two items may share a link
        items.append(f"<item><guid>g{index}-{item}</guid><link>{link}</link><title>Новость {item}</title>"
                     f"<description>{_sentence(rng)}</description>"
                     f"<pubDate>Wed, 1{item} Jun 2025 10:00:00 +0500</pubDate></item>")
    feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Лента {index}</title>'
            f"{''.join(items)}</channel></rss>")
    return [(_name(rng, index, ".xml"), feed.encode("utf-8"))]


def _bad(rng: random.Random, index: int) -> list[tuple[str, bytes]]:
    data = rng.choice(BAD_BYTES)
    if rng.random() < 0.3:
        data = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 400)))
    return [(_name(rng, index, rng.choice([".txt", ".md", ".html", ".xml", ".pdf", ""])), data)]


KINDS = [(_good_text, 5), (_plain_text, 3), (_versions, 2), (_html, 2), (_feed, 1), (_bad, 3)]


def build_folder(rng: random.Random, root: Path, n_files: int) -> list[str]:
    """Write about `n_files` random inputs under `root`; returns the relative names written."""
    written: dict[str, bytes] = {}
    makers = [maker for maker, weight in KINDS for _ in range(weight)]
    index = 0
    while len(written) < n_files:
        index += 1
        for name, data in rng.choice(makers)(rng, index):
            if name in written:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written[name] = data
    return sorted(written)
