"""One article through the extractor without letting it stop anything: records, or the reason it failed.

`invest-tracker extract` and the pipeline's extraction step both call `extract_guarded`, so an article gets the
same fate in both: its deal mentions and totals, or a `processing_error` naming the exception and the extractor
version that raised it (the article is then quarantined, and the run goes on).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from extraction.models import AnnouncedTotal, DealMention
from sources import registries
from sources.digest import package_digest

# The extraction code and the registries it reads: change either and every article is extracted again.
EXTRACTOR_VERSION = package_digest(__file__, registries.REGISTRY_DIR.glob("*.csv"), recursive=True)

PROCESSING_ERROR = "processing_error"
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class ProcessingError:
    """Why one record could not be processed: the stage, the exception's type and message, the code version."""

    stage: str  # parse | extract | screen | resolve
    error_type: str
    error_message: str
    code_version: str

    @classmethod
    def from_exception(cls, stage: str, exc: BaseException, code_version: str) -> ProcessingError:
        message = " ".join(str(exc).split())[:MAX_ERROR_CHARS]
        return cls(stage, type(exc).__name__, message, code_version)

    def describe(self, record: str) -> str:
        return (f"{record}: {self.stage} failed ({self.error_type}: {self.error_message or 'no message'}); "
                f"version {self.code_version}; quarantined, the run went on")


def _optional_text(value: object) -> str | None:
    """A text field as text or None: a NaN or any other non-string from a table is a missing value."""
    return value if isinstance(value, str) and value.strip() else None


def _optional_date(value: object) -> datetime.date | None:
    if value is None or value != value:  # noqa: PLR0124 - a NaN or NaT (pandas' missing values) equals nothing
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def extract_article(text: str, **kwargs: object) -> list[DealMention | AnnouncedTotal]:
    """extraction.engine.extract_article, imported on the first call: importing the guard (for its error type and
    the extractor version) does not compile the engine's patterns."""
    from extraction.engine import extract_article as run

    return run(text, **kwargs)


def extract_guarded(
    text: object, *, published: object = None, lang: object = None, title: object = None
) -> list[DealMention | AnnouncedTotal] | ProcessingError:
    """`extract_article` on one article; any exception it raises comes back as a ProcessingError."""
    try:
        return extract_article(
            _optional_text(text) or "",
            published=_optional_date(published),
            lang=_optional_text(lang),
            title=_optional_text(title),
        )
    except Exception as exc:  # noqa: BLE001 - one article must not stop a run; the error is kept, not hidden
        return ProcessingError.from_exception("extract", exc, EXTRACTOR_VERSION)
