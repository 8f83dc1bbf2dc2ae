"""Measure extraction on a folder of articles: prints contract JSON lines (deal mentions, totals, quarantine).

    uv run python -m extraction.evaluate ../shared/eval/dev/articles > pred.jsonl
    uv run python ../shared/eval/score.py --gold ../shared/eval/dev/gold.jsonl --pred pred.jsonl \
        --kato data/registries/kato_2022-10-17_ru.csv --show-errors

A single file (the seed article, no front matter) is read as plain text; `--published` gives its date.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from extraction import extract_article, mention_to_record


def records_for_folder(folder: Path) -> Iterator[dict]:
    from extraction.batch import records_for_read
    from sources.press_releases import read_input_folder

    yield from records_for_read(read_input_folder(folder))


def records_for_file(path: Path, published: datetime.date | None) -> Iterator[dict]:
    text = path.read_text(encoding="utf-8", errors="replace")
    for m in extract_article(text, published=published):
        yield mention_to_record(m, file=path.name, article_id=path.name)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--published", type=datetime.date.fromisoformat, default=None)
    args = ap.parse_args(argv)
    rows = records_for_folder(args.path) if args.path.is_dir() else records_for_file(args.path, args.published)
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
