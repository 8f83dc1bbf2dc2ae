"""Write one benchmark's figures into its own `## ` section of docs/benchmarks.md, leaving the others alone."""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def replace_section(title: str, section: str, docs: Path = DOCS) -> None:
    """Replace the section that starts with `title` (a `## ` heading line), or append it."""
    text = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n"
    if title in text:
        head, _, tail = text.partition(title)
        rest = tail.split("\n## ", 1)
        text = head + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    docs.write_text(text, encoding="utf-8")
