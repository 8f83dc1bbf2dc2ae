"""Extraction: one press release's text -> deal mentions and announced totals (pure Python).

The names below load on first use (PEP 562): the engine compiles hundreds of patterns when it is imported, and a
module that only needs the record types or the extractor version (the warehouse, a pipeline run with nothing new
to extract) should not pay for that.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AnnouncedTotal": "extraction.models",
    "DealMention": "extraction.models",
    "Gazetteer": "extraction.gazetteer",
    "default_gazetteer": "extraction.gazetteer",
    "detect_language": "extraction.text",
    "extract_article": "extraction.engine",
    "mention_to_record": "extraction.records",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'extraction' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
