"""Plain records that the connectors in `sources/` produce: articles, rejected inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Why an input could not become an article. The evaluation relies on the first nine names.
REJECTION_REASONS = (
    "empty",  # zero bytes or only whitespace
    "encoding",  # bytes that decode to nothing sensible (binary under a text extension, broken UTF-8/1251)
    "not_an_article",  # HTML/feed item with no article body, error pages
    "duplicate_file",  # byte-identical copy of an earlier file (file-name order)
    "malformed",  # broken front matter, truncated XML/RSS
    "unsupported_format",  # .pdf, .docx, images ...
    "too_large",  # over the size limit, or absurdly long lines
    "unsafe",  # XML entity bombs / external entities, symlinks leading outside the input folder
    "invalid_metadata",  # impossible or future publication dates, missing required metadata
    "unreadable",  # the file exists but cannot be read (permissions, I/O error)
    "processing_error",  # reading, parsing or extracting it raised: a bug to fix; the message names the exception
)


@dataclass(frozen=True)
class Article:
    """One press release: a text/markdown/HTML file, or one item of an RSS feed, in one content version."""

    article_id: str  # stable per source: sha256 of url if present, else of file name (+ '#' + feed guid)
    source_file: str  # the input file's name; for a feed item "feed.xml#<guid>"
    file_name: str  # the input file's name (relative to the input folder)
    item_id: str | None  # feed item guid, None for single-article files
    format: str  # txt | md | html | rss
    title: str | None
    published: date | None
    outlet: str | None
    url: str | None
    lang: str | None  # ru | kk | en (front matter, html lang, or detected)
    text: str  # the visible article text that extraction reads (body only; no front matter, no page chrome)
    content_sha256: str  # sha256 of `text` (what extraction depends on)
    file_sha256: str  # sha256 of the raw file bytes
    # day | month | year: a partial date ("published: 2025-04") is kept as the first day of its period
    published_precision: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input (file or feed item) that could not become an article, with a reason a person understands."""

    file: str  # the input file's name; for a feed item "feed.xml#<guid>"
    item: str | None
    reason: str  # one of REJECTION_REASONS
    message: str  # names the file/record and what is wrong
    content_sha256: str | None  # sha256 of the raw bytes when they could be read


@dataclass
class ReadResult:
    """What reading an input folder produced: every input file ends up in exactly one of the two lists."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # sha256 of the bytes of every file read (None: it could not be read)
    file_sha256: dict[str, str | None] = field(default_factory=dict)
    # unchanged files (not read) that an incremental read found must be read again (sources/folders.py)
    displaced: set[str] = field(default_factory=set)

    def depends_on_today(self, file_name: str) -> bool:
        """Whether reading the same file on a later day could give another result: a date rejected as being in
        the future may be valid tomorrow (every invalid_metadata rejection counts, to be safe)."""
        return any(r.reason == "invalid_metadata" and r.file.split("#", 1)[0] == file_name for r in self.rejections)
