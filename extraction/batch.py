"""Articles read from files -> contract records: what `invest-tracker extract` prints.

The same steps as the pipeline, in the same order: the readers (sources/), the current version of every article
(sources/versions.py; earlier versions of a re-saved page give no records), and `extract_guarded` (an article whose
extraction raises is a `processing_error` quarantine record, not a crash).
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.guard import PROCESSING_ERROR, ProcessingError, extract_guarded
from extraction.records import mention_to_record
from sources.models import ReadResult
from sources.versions import current_versions


def records_for_read(result: ReadResult, *, totals: bool = True) -> Iterator[dict]:
    """Deal mentions (and totals) of the current article versions, then one quarantine record per rejection."""
    current, _superseded = current_versions(result.articles)
    for article in current:
        outcome = extract_guarded(article.text, published=article.published, lang=article.lang, title=article.title)
        if isinstance(outcome, ProcessingError):
            yield {"record": "quarantine", "file": article.source_file, "reason": PROCESSING_ERROR,
                   "message": outcome.describe(article.source_file)}
            continue
        for rec in outcome:
            record = mention_to_record(rec, file=article.source_file, article_id=article.article_id)
            if totals or record["record"] == "deal_mention":
                yield record
    for rejection in result.rejections:
        yield {"record": "quarantine", "file": rejection.file, "reason": rejection.reason,
               "message": rejection.message}
