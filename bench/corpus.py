"""Generate realistic press-release corpora for the pipeline benchmark.

Each article is a variant of one of the bundled sample press releases (data/samples: ru/kk/en, txt/md/html,
RSS items), with its own url, publication date and figures, so every article has a distinct content hash and
real extraction work. About 1% of files are byte-identical duplicates and 1% are bad inputs (empty, binary,
unclosed front matter, unsupported formats), as in a real drop folder.

    uv run python bench/corpus.py --articles 10000 --out /tmp/corpus10k
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,.]\d)?)(?=\s?(?:млн|млрд|трлн|million|billion|bn|m\b|мың))")
_URL = re.compile(r"(https://[^\s\"'<]+)")
_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
_BAD_FILES: list[tuple[str, bytes]] = [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 4),
    ("unclosed.md", "---\ntitle: x\n\nТекст без конца front matter.\n".encode()),
    ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    ("notes.docx", b"PK\x03\x04" + b"\x00" * 32),
]


def _templates() -> list[tuple[str, str]]:
    """(suffix, text) of every good sample file (the bad ones have no dated front matter or body)."""
    out = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in {".txt", ".md", ".html", ".xml"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if len(text.strip()) < 200 or "published: null" in text or not (_DATE.search(text) or "pubDate" in text):
            continue
        out.append((path.suffix, text))
    return out


def _vary(text: str, rnd: random.Random, serial: int, day: date) -> str:
    text = _NUMBER.sub(lambda m: str(rnd.randint(2, 950)), text)
    text = _URL.sub(lambda m: f"{m.group(1).rstrip('/')}/v{serial}", text)
    text = _DATE.sub(day.isoformat(), text)
    # RSS: unique guids and RFC 822 dates inside the item range of the sample
    text = re.sub(r"<guid([^>]*)>([^<]+)</guid>", lambda m: f"<guid{m.group(1)}>{m.group(2)}-v{serial}</guid>", text)
    return re.sub(r"<pubDate>[^<]+</pubDate>", f"<pubDate>{day:%a, %d %b %Y} 12:00:00 +0500</pubDate>", text)


def generate_corpus(out: Path, articles: int, seed: int = 2026, start_serial: int = 0) -> dict[str, int]:
    """Write about `articles` articles into `out` (feeds count one article per item); returns counts by kind."""
    rnd = random.Random(seed + start_serial)
    templates = _templates()
    out.mkdir(parents=True, exist_ok=True)
    counts = {"files": 0, "articles": 0, "duplicates": 0, "bad": 0}
    written: list[Path] = []
    serial = start_serial
    first_day = date(2023, 1, 1)
    while counts["articles"] < articles:
        suffix, text = rnd.choice(templates)
        day = first_day + timedelta(days=rnd.randrange(0, 1000))
        body = _vary(text, rnd, serial, day)
        path = out / f"a{serial:06d}{suffix}"
        path.write_text(body, encoding="utf-8")
        written.append(path)
        counts["files"] += 1
        counts["articles"] += max(1, body.count("<item>"))
        serial += 1
        if rnd.random() < 0.01 and written:
            original = rnd.choice(written)
            (out / f"dup{serial:06d}{original.suffix}").write_bytes(original.read_bytes())
            counts["duplicates"] += 1
        if rnd.random() < 0.01:
            name, data = rnd.choice(_BAD_FILES)
            (out / f"bad{serial:06d}_{name}").write_bytes(data)
            counts["bad"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(generate_corpus(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
