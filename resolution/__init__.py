"""Deal resolution: which deal mentions report the same real-world deal, with stable ids and analyst corrections.

Pure Python (no Dagster, no DuckDB): mention dicts in, assignments out. orchestration/defs/resolution.py
reads raw tables, calls `resolve_mentions` and writes raw.mention_resolution and raw.deal_merges.
"""

from resolution.corrections import (
    Correction,
    CorrectionError,
    ResolutionCorrections,
    load_corrections,
    parse_corrections,
)
from resolution.evidence import Rates
from resolution.names import company_key, name_similarity, transliterate
from resolution.resolve import deal_merges, resolve_mentions
from sources.digest import package_digest

# A digest of the resolution code: ids are stable across versions, this only says which code assigned them.
RESOLVER_VERSION = package_digest(__file__)

__all__ = [
    "RESOLVER_VERSION",
    "Correction",
    "CorrectionError",
    "Rates",
    "ResolutionCorrections",
    "company_key",
    "deal_merges",
    "load_corrections",
    "name_similarity",
    "parse_corrections",
    "resolve_mentions",
    "transliterate",
]
