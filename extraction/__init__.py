"""Extraction: one press release's text -> deal mentions and announced totals (pure Python)."""

from extraction.engine import extract_article
from extraction.gazetteer import Gazetteer, default_gazetteer
from extraction.models import AnnouncedTotal, DealMention
from extraction.records import mention_to_record
from extraction.text import detect_language

__all__ = [
    "AnnouncedTotal",
    "DealMention",
    "Gazetteer",
    "default_gazetteer",
    "detect_language",
    "extract_article",
    "mention_to_record",
]
