"""Press releases from an input folder: text/markdown with front matter, HTML pages and RSS/Atom feeds.

Pure reader: bytes in, `Article`s and `Rejection`s out (sources/models.py). Every regular file under the folder
ends up as one or more articles or as a rejection naming the file and the reason, so nothing is silently dropped.
Hidden files and folders (".DS_Store", ".git") are not inputs and are skipped.

Keys, so re-runs are idempotent:
- `article_id` = first 16 hex digits of sha256(url) when the article has a url, else of its `source_file`
  ("name.txt", or "feed.xml#<guid>"): the same article read again, or fixed, keeps its id.
- `content_sha256` = sha256 of the article text (what extraction depends on); `file_sha256` = sha256 of the bytes.
- `Rejection.content_sha256` = sha256 of the file bytes; for a rejected feed item, of the item's fields and
  position in the feed. (file, content_sha256) is unique among the rejections of one read, as
  (article_id, content_sha256) is among its articles: the same article met twice (one feed item in two feed
  snapshots) is loaded once and the later copy is a `duplicate_file` naming the first.
Dates are the publisher's local date as written (an RSS pubDate "Wed, 11 Jun 2025 23:30 +0500" is 2025-06-11).
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import os
import re
import stat
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree as DefusedET
import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from sources.dates import DateFormatError, PublishedDate, find_dateline, is_dateline, parse_date_value
from sources.digest import package_digest
from sources.language import detect_lang
from sources.models import Article, ReadResult, Rejection
from sources.parallel import map_in_processes
from sources.text_decoding import UndecodableTextError, decode_text, sniff_binary_signature

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = sorted({*TEXT_SUFFIXES, *HTML_SUFFIXES, *FEED_SUFFIXES})

# Kazakhstan's own press starts with independence; earlier dates in a press release's metadata are typos.
MIN_PUBLISHED_YEAR = 1991
ARTICLE_ID_CHARS = 16
# Message marker of the last-resort per-file guard; the property tests fail if any input ever reaches it.
UNEXPECTED_PARSER_ERROR = "could not be parsed (unexpected parser error)"
# The reader's code: a new reader re-reads every file (and names itself in a processing error).
READER_VERSION = package_digest(__file__)


class InputRejected(Exception):
    """An input cannot become an article; carries the reason code (models.REJECTION_REASONS) and a message."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    published: date | None = None
    published_precision: str | None = None  # day | month | year (sources/dates.py)
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None


# ---------------------------------------------------------------------------------------------------------------
# Folder and file level


def read_input_folder(
    input_dir: Path,
    *,
    max_file_bytes: int = 5_000_000,
    max_line_chars: int = 200_000,
    today: date | None = None,
    only: Collection[str] | None = None,
    known_hashes: Mapping[str, str] | None = None,
    known_articles: Mapping[tuple[str, str], str] | None = None,
) -> ReadResult:
    """Read every file under `input_dir` (recursively, in relative-path order) into articles or rejections.

    For an incremental read (sources/folders.py): `only` names the files to read (the others are unchanged since
    the caller last read them); `known_hashes` maps file_sha256 -> name and `known_articles` maps (article_id,
    content_sha256) -> source file, for those unchanged files. A file read now whose bytes (or article) equal an
    unchanged file's is a `duplicate_file` of it when that file comes first in name order; when it comes later,
    the unchanged file is the duplicate now, and its name is reported in `displaced` for the caller to read again.
    Without these arguments every file is read and the result depends on nothing but the folder and `today`.
    """
    root = Path(input_dir)
    if not root.is_dir():
        raise NotADirectoryError(f"input folder {root} does not exist or is not a folder")
    root_resolved = root.resolve()
    today = today or date.today()
    wanted = set(only) if only is not None else None
    known_hashes = dict(known_hashes or {})
    known_articles = dict(known_articles or {})
    seen: dict[str, str] = {}
    result = ReadResult()
    # the same article (same url or name, same text) reached twice, e.g. an item in two snapshots of one feed
    article_versions: dict[tuple[str, str], str] = {}
    files = [(rel_name, path) for rel_name, path in discover_files(root) if wanted is None or rel_name in wanted]
    for rel_name, one in _read_in_order(files, root_resolved, max_file_bytes, max_line_chars, today, seen,
                                        known_hashes, result):
        for article in one.articles:
            key = (article.article_id, article.content_sha256)
            earlier = article_versions.get(key)
            known = known_articles.get(key)
            if known is not None and _file_of(known) > rel_name:
                result.displaced.add(_file_of(known))
            elif earlier is None and known is not None:
                earlier = known
            if earlier is not None:
                result.rejections.append(
                    Rejection(
                        file=article.source_file,
                        item=article.item_id,
                        reason="duplicate_file",
                        message=f"{article.source_file}: same article (url and text) as {earlier}",
                        content_sha256=article.file_sha256,
                    )
                )
            else:
                article_versions[key] = article.source_file
                result.articles.append(article)
        result.rejections.extend(one.rejections)
    return result


def _file_of(source_file: str) -> str:
    """The file of a source name ("feed.xml#guid" -> "feed.xml")."""
    return source_file.split("#", 1)[0]


def read_file(
    path: Path,
    root: Path,
    *,
    max_file_bytes: int = 5_000_000,
    max_line_chars: int = 200_000,
    today: date | None = None,
) -> ReadResult:
    """Read one file (named relative to `root`) into articles or one rejection; no duplicate detection."""
    path = Path(path)
    rel_name = _display_name(os.path.relpath(path, root))
    checked = _read_checked(path, rel_name, Path(root).resolve(), max_file_bytes, max_line_chars,
                            today or date.today(), {})
    return checked if isinstance(checked, ReadResult) else _parse_job(checked)


def _display_name(rel_path: str) -> str:
    # undecodable bytes in a file name (surrogate escapes) would break hashing and every writer downstream
    posix = rel_path if os.sep == "/" else PurePosixPath(*Path(rel_path).parts).as_posix()
    return posix.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative name, path) of every non-hidden entry below root, sorted by relative name; no symlinked dirs."""
    found: list[tuple[str, str]] = []
    # relative names are built while walking (not with os.path.relpath per file: a large folder is scanned on
    # every run, and that was most of a run's scan time)
    stack = [(os.fspath(root), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                # symlinked folders are not descended into (loops, escapes): they are reported like files
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, prefix + entry.name + os.sep))
                else:
                    found.append((_display_name(prefix + entry.name), entry.path))
    found.sort(key=lambda item: item[0])
    return iter([(name, Path(path)) for name, path in found])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_article_id(url: str | None, source_file: str) -> str:
    """Stable id: sha256 of the url when there is one, else of the source file name (+ '#guid'); 16 hex digits."""
    key = url.strip() if url and url.strip() else source_file
    return _sha256(key.encode("utf-8"))[:ARTICLE_ID_CHARS]


# Below this many files to parse, a process pool costs more than it saves; files are read and parsed in chunks of
# this many, so a large folder never holds all its bytes at once.
PARALLEL_PARSE_THRESHOLD = 400
PARSE_CHUNK = 2000

_ParseJob = tuple[bytes, str, str, int, date]


def _read_in_order(
    files: list[tuple[str, Path]],
    root_resolved: Path,
    max_file_bytes: int,
    max_line_chars: int,
    today: date,
    seen: dict[str, str],
    known_hashes: dict[str, str],
    result: ReadResult,
) -> Iterator[tuple[str, ReadResult]]:
    """(name, ReadResult) of each file, in the order of `files`. The bytes are read and compared (duplicates) one
    file after another, in name order, as the rules need; the parsing, which is a pure function of the bytes and
    most of a read's time, runs in a process pool (one process a core) when there is enough of it."""
    for start in range(0, len(files), PARSE_CHUNK):
        checked = [
            _read_checked(path, rel_name, root_resolved, max_file_bytes, max_line_chars, today, seen, known_hashes,
                          result)
            for rel_name, path in files[start : start + PARSE_CHUNK]
        ]
        jobs = [c for c in checked if not isinstance(c, ReadResult)]
        parsed = iter(map_in_processes(_parse_job, jobs, threshold=PARALLEL_PARSE_THRESHOLD))
        for (rel_name, _path), outcome in zip(files[start : start + PARSE_CHUNK], checked, strict=True):
            yield rel_name, outcome if isinstance(outcome, ReadResult) else next(parsed)


def _parse_job(job: _ParseJob) -> ReadResult:
    return _parse_or_reject(*job)


def _read_checked(
    path: Path,
    rel_name: str,
    root_resolved: Path,
    max_file_bytes: int,
    max_line_chars: int,
    today: date,
    seen: dict[str, str],
    known_hashes: dict[str, str] | None = None,
    result: ReadResult | None = None,
) -> ReadResult | _ParseJob:
    """A file's bytes checked (size, format, symlinks, duplicates): its rejection, or what parsing it needs."""
    data: bytes | None = None
    if result is not None:
        result.file_sha256[rel_name] = None
    try:
        data = _read_bytes_safely(path, rel_name, root_resolved, max_file_bytes)
        file_sha = _sha256(data)
        if result is not None:
            result.file_sha256[rel_name] = file_sha
        if not data.strip():
            raise InputRejected(
                "empty", f"{rel_name}: file is empty" if not data else f"{rel_name}: file contains only whitespace"
            )
        original = seen.get(file_sha)
        known = (known_hashes or {}).get(file_sha)
        if known is not None and known > rel_name and result is not None:
            result.displaced.add(known)  # the unchanged file comes later: it is the duplicate now
        elif original is None and known is not None and known != rel_name:
            original = known
        if original is not None and original != rel_name:
            raise InputRejected("duplicate_file", f"{rel_name}: byte-identical duplicate of {original}")
        seen.setdefault(file_sha, rel_name)
    except Exception as exc:  # noqa: BLE001 - one hostile file must not stop the run; it is recorded, not hidden
        return _rejection_for(exc, rel_name, data)
    return (data, rel_name, file_sha, max_line_chars, today)


def _parse_or_reject(data: bytes, rel_name: str, file_sha: str, max_line_chars: int, today: date) -> ReadResult:
    try:
        return _parse_by_format(data, rel_name, file_sha, max_line_chars, today)
    except Exception as exc:  # noqa: BLE001 - as in _read_checked
        return _rejection_for(exc, rel_name, data)


def _rejection_for(exc: Exception, rel_name: str, data: bytes | None) -> ReadResult:
    """The one rejection a file gets for what went wrong reading or parsing it."""
    content_sha256 = _sha256(data) if data is not None else None
    if isinstance(exc, InputRejected):
        reason, message = exc.reason, exc.message
    elif isinstance(exc, OSError) and data is None:
        reason = "unreadable"
        message = f"{rel_name}: could not be read ({exc.__class__.__name__}: {exc.strerror or exc})"
    else:
        reason = "processing_error"
        message = (f"{rel_name}: {UNEXPECTED_PARSER_ERROR} ({exc.__class__.__name__}: {exc}); "
                   f"reader version {READER_VERSION}")
    return ReadResult(
        rejections=[Rejection(file=rel_name, item=None, reason=reason, message=message, content_sha256=content_sha256)]
    )


def _read_bytes_safely(path: Path, rel_name: str, root_resolved: Path, max_file_bytes: int) -> bytes:
    if path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError) as exc:  # RuntimeError: a symlink loop (Python 3.11)
            raise InputRejected("unsafe", f"{rel_name}: symbolic link cannot be resolved ({exc})") from exc
        if not target.is_relative_to(root_resolved):
            raise InputRejected("unsafe", f"{rel_name}: symbolic link leads outside the input folder (to {target})")
        if not target.exists():
            raise InputRejected("unsafe", f"{rel_name}: symbolic link points to a missing file ({target})")
        if target.is_dir():
            raise InputRejected(
                "unsupported_format",
                f"{rel_name}: symbolic link to a folder is not followed; its files are read at their real location",
            )
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise InputRejected("unsupported_format", f"{rel_name}: not a regular file (device, socket or pipe)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise InputRejected(
            "unsupported_format", f"{rel_name}: {what} not supported (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    if info.st_size > max_file_bytes:
        raise InputRejected(
            "too_large", f"{rel_name}: {info.st_size:,} bytes is over the {max_file_bytes:,}-byte limit"
        )
    with path.open("rb") as f:
        data = f.read(max_file_bytes + 1)
    if len(data) > max_file_bytes:  # grew since stat
        raise InputRejected("too_large", f"{rel_name}: over the {max_file_bytes:,}-byte limit")
    return data


def _parse_by_format(data: bytes, rel_name: str, file_sha: str, max_line_chars: int, today: date) -> ReadResult:
    suffix = PurePosixPath(rel_name).suffix.lower()
    if suffix in FEED_SUFFIXES:
        signature = sniff_binary_signature(data)
        if signature:
            raise InputRejected("encoding", f"{rel_name}: binary data ({signature} file signature), not XML")
        _check_line_length(data.decode("latin-1"), rel_name, max_line_chars)
        return parse_rss_feed(data, rel_name, file_sha256=file_sha, today=today)
    declared = _html_meta_charset(data) if suffix in HTML_SUFFIXES else None
    try:
        text, _encoding = decode_text(data, declared_encoding=declared)
    except UndecodableTextError as exc:
        raise InputRejected("encoding", f"{rel_name}: {exc}") from exc
    if not text.strip():
        raise InputRejected("empty", f"{rel_name}: file contains only whitespace")
    _check_line_length(text, rel_name, max_line_chars)
    if suffix in HTML_SUFFIXES:
        article = parse_html_article(text, rel_name, file_sha256=file_sha, today=today)
    else:
        article = parse_front_matter_text(text, rel_name, file_sha256=file_sha, today=today, fmt=TEXT_SUFFIXES[suffix])
    return ReadResult(articles=[article])


def _check_line_length(text: str, rel_name: str, max_line_chars: int) -> None:
    if len(text) <= max_line_chars:
        return
    longest = max(map(len, text.splitlines()), default=0)
    if longest > max_line_chars:
        raise InputRejected("too_large", f"{rel_name}: has a line of {longest:,} characters (limit {max_line_chars:,})")


# ---------------------------------------------------------------------------------------------------------------
# Metadata shared by all formats


_ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\S*)")
# Longest title taken from an article's first line when its metadata names none.
MAX_TITLE_CHARS = 200


def _parse_date(value: str, label: str, rel_name: str) -> PublishedDate:
    """A metadata date, full or partial (sources/dates.py); anything else is invalid_metadata."""
    try:
        return parse_date_value(value)
    except DateFormatError as exc:
        raise InputRejected("invalid_metadata", f"{rel_name}: {label} {exc}") from exc


def title_from_text(text: str) -> str | None:
    """An article's title when its metadata has none: its first line that is not a dateline, shortened at a word."""
    for raw_line in text.splitlines()[:5]:
        line = re.sub(r"\s+", " ", raw_line).strip(" #*\t")
        if not line or is_dateline(line):
            continue
        if len(line) > MAX_TITLE_CHARS:
            line = line[:MAX_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-—") + "…"
        return line
    return None


def _fill_from_text(meta: Metadata, text: str) -> Metadata:
    """What metadata lacks and the text gives: the title from the first line, the date from a dateline."""
    title = meta.title or title_from_text(text)
    published, precision = meta.published, meta.published_precision
    if published is None and (dateline := find_dateline(text)) is not None:
        published, precision = dateline.value, dateline.precision
    return replace(meta, title=title, published=published, published_precision=precision)


def _check_published(published: date | None, rel_name: str, today: date) -> date | None:
    if published is None:
        return None
    if published.year < MIN_PUBLISHED_YEAR:
        raise InputRejected(
            "invalid_metadata", f"{rel_name}: publication date {published} is before {MIN_PUBLISHED_YEAR}"
        )
    if published > today:
        raise InputRejected(
            "invalid_metadata", f"{rel_name}: publication date {published} is in the future (today is {today})"
        )
    return published


def _normalise_lang(value: str | None) -> str | None:
    if not value or not str(value).strip():
        return None
    return re.split(r"[-_]", str(value).strip().lower(), maxsplit=1)[0] or None


def _clean_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _make_article(
    *, text: str, rel_name: str, item_id: str | None, fmt: str, meta: Metadata, file_sha256: str, today: date
) -> Article:
    source_file = f"{rel_name}#{item_id}" if item_id is not None else rel_name
    published = _check_published(meta.published, source_file, today)
    return Article(
        article_id=make_article_id(meta.url, source_file),
        source_file=source_file,
        file_name=rel_name,
        item_id=item_id,
        format=fmt,
        title=meta.title,
        published=published,
        published_precision=(meta.published_precision or "day") if published else None,
        outlet=meta.outlet,
        url=meta.url,
        lang=meta.lang or detect_lang(text),
        text=text,
        content_sha256=_sha256(text.encode("utf-8")),
        file_sha256=file_sha256,
    )


# ---------------------------------------------------------------------------------------------------------------
# Text and markdown with YAML front matter


class _FrontMatterLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML that leaves dates as strings, so an impossible date is our invalid_metadata, not a crash."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT_MATTER_CLOSE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FRONT_MATTER_KEYS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at"),
    "outlet": ("source", "outlet", "publisher"),
    "url": ("url", "link", "canonical"),
    "lang": ("lang", "language"),
}


def split_front_matter(text: str, rel_name: str = "<text>") -> tuple[str | None, str]:
    """(front matter YAML or None, body). An opening '---' without a closing '---' is `malformed`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    first_line, newline, rest = text.partition("\n")
    if first_line.rstrip() != "---":
        return None, text
    if not newline:
        raise InputRejected("malformed", f"{rel_name}: front matter opened with '---' on line 1 is never closed")
    closing = _FRONT_MATTER_CLOSE_RE.search(rest)
    if closing is None:
        raise InputRejected(
            "malformed", f"{rel_name}: front matter opened with '---' on line 1 is never closed (no closing '---' line)"
        )
    return rest[: closing.start()], rest[closing.end() :]


def parse_front_matter_text(
    text: str,
    rel_name: str = "<text>",
    *,
    file_sha256: str | None = None,
    today: date | None = None,
    fmt: str = "txt",
) -> Article:
    """A .txt/.md article: optional YAML front matter (title, published, source, url, lang), then the body."""
    today = today or date.today()
    front, body = split_front_matter(text, rel_name)
    meta = Metadata()
    if front is not None:
        meta = _front_matter_metadata(front, rel_name)
    body = body.strip()
    if not body:
        raise InputRejected("empty", f"{rel_name}: has front matter but no article text")
    meta = _fill_from_text(meta, body)
    return _make_article(
        text=body,
        rel_name=rel_name,
        item_id=None,
        fmt=fmt,
        meta=meta,
        file_sha256=file_sha256 or _sha256(text.encode("utf-8")),
        today=today,
    )


def _front_matter_metadata(front: str, rel_name: str) -> Metadata:
    try:
        loaded = yaml.load(front, Loader=_FrontMatterLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise InputRejected("malformed", f"{rel_name}: front matter is not valid YAML{line}: {problem}") from exc
    if loaded is None:
        return Metadata()
    if not isinstance(loaded, dict):
        raise InputRejected("malformed", f"{rel_name}: front matter is not a 'key: value' mapping")
    values: dict[str, str | None] = {}
    for field_name, keys in _FRONT_MATTER_KEYS.items():
        raw = next((loaded[k] for k in keys if k in loaded and loaded[k] is not None), None)
        if isinstance(raw, (dict, list)):
            raise InputRejected(
                "invalid_metadata",
                f"{rel_name}: front matter '{field_name}' must be a single value, not a {type(raw).__name__}",
            )
        values[field_name] = _clean_str(raw)
    published = _parse_date(values["published"], "published", rel_name) if values["published"] else None
    url = values["url"]
    if url and not re.match(r"(?i)^https?://\S+$", url):
        raise InputRejected("invalid_metadata", f"{rel_name}: url {url!r} is not an http(s) address")
    return Metadata(
        title=values["title"],
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        outlet=values["outlet"],
        url=url,
        lang=_normalise_lang(values["lang"]),
    )


# ---------------------------------------------------------------------------------------------------------------
# HTML pages

# Tried in order; the first that yields text is the article body. Chrome inside it is removed first.
_BODY_SELECTORS = (
    "div.article-body",
    "[itemprop=articleBody]",
    "div.article__body",
    "div.entry-content",
    "article",
    "main",
)
_CHROME_SELECTORS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "iframe",
    "svg",
    "header",
    "figure figcaption",
    ".share",
    ".tags",
    ".related",
    ".most-read",
    ".widget",
    ".advert",
    ".banner",
    ".breadcrumbs",
    ".article-meta",
    ".byline",
    ".comments",
)
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas"}
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
    "html",
    "aside",
    "nav",
    "form",
}
_ERROR_PAGE_RE = re.compile(
    r"(?i)(\b(?:404|410|403|500)\b\s*[-–—:|.]?\s*(?:not found|не найден|табылмады|error|ошибка|forbidden)"
    r"|(?:error|ошибка)\s*(?:404|410|403|500)\b|^\s*(?:404|410|403|500)\s*$"
    r"|page not found|страница не найдена|страница удалена|бет табылмады|^\s*not found\s*$)"
)
# An article shorter than this is a stub, a teaser or an empty template, not a press release.
MIN_HTML_BODY_CHARS = 80
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_TITLE_SUFFIX_SEPARATORS = (" — ", " – ", " | ")


# lexbor (like every HTML5 tree builder) spends time proportional to the open-element stack on some start tags, so
# 200,000 nested <div>s take minutes. Real pages nest a few dozen levels; deeper input is refused before parsing.
MAX_HTML_NESTING = 5_000
_TAG_TOKEN_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# void elements never open a level; elements with optional end tags are closed implicitly by their siblings
_NON_NESTING_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "option",
    "optgroup",
    "rb",
    "rt",
    "rp",
    "tbody",
    "thead",
    "tfoot",
    "colgroup",
    "caption",
    "html",
    "head",
    "body",
}


def html_nesting_depth(markup: str) -> int:
    """Deepest element nesting of the markup, approximately (tags with optional end tags are not counted)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG_TOKEN_RE.findall(markup):
        if self_closing or name.lower() in _NON_NESTING_TAGS:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _check_html_nesting(markup: str, label: str) -> None:
    if markup.count("<") <= MAX_HTML_NESTING:
        return
    depth = html_nesting_depth(markup)
    if depth > MAX_HTML_NESTING:
        raise InputRejected(
            "too_large",
            f"{label}: HTML nests elements {depth:,} levels deep (limit {MAX_HTML_NESTING:,}); refused to parse",
        )


def _html_meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def html_to_text(node: LexborNode) -> str:
    """Visible text of an element: one line per block element, inline markup joined, whitespace collapsed."""
    parts: list[str] = []
    # iterative walk (random or hostile HTML can nest deeper than Python's recursion limit)
    stack: list[tuple[LexborNode, bool]] = [(node, False)]
    while stack:
        current, leaving = stack.pop()
        tag = current.tag
        if leaving:
            parts.append("\n")
            continue
        if tag == "-text":
            parts.append(current.text_content or "")
            continue
        if tag in _SKIP_TAGS or tag == "-comment":
            continue
        if tag == "br":
            parts.append("\n")
            continue
        is_block = tag in _BLOCK_TAGS
        if is_block:
            parts.append("\n")
            stack.append((current, True))
        children = []
        child = current.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    return _collapse_lines("".join(parts))


def _collapse_lines(text: str, separator: str = "\n\n") -> str:
    lines = (re.sub(r"[ \t\r\f\v\u00a0\u200b]+", " ", line).strip() for line in text.split("\n"))
    return separator.join(line for line in lines if line)


def _meta_content(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return _clean_str(node.attributes.get("content")) if node is not None else None


def _html_metadata(tree: LexborHTMLParser, rel_name: str) -> Metadata:
    title_tag = tree.css_first("title")
    page_title = _clean_str(title_tag.text()) if title_tag is not None else None
    h1 = tree.css_first("h1")
    title = (
        _meta_content(tree, 'meta[property="og:title"]')
        or (_clean_str(h1.text()) if h1 is not None else None)
        or page_title
    )
    outlet = _meta_content(tree, 'meta[property="og:site_name"]')
    if outlet is None and page_title:
        for sep in _TITLE_SUFFIX_SEPARATORS:
            if sep in page_title:
                outlet = _clean_str(page_title.rsplit(sep, 1)[1])
                if title == page_title:
                    title = _clean_str(page_title.rsplit(sep, 1)[0])
                break
    published_raw = (
        _meta_content(tree, 'meta[property="article:published_time"]')
        or _meta_content(tree, 'meta[itemprop="datePublished"]')
        or _meta_content(tree, 'meta[name="date"]')
    )
    if published_raw is None:
        time_node = tree.css_first("article time[datetime]") or tree.css_first("time[datetime]")
        time_value = _clean_str(time_node.attributes.get("datetime")) if time_node is not None else None
        # a <time> element is only a guess at the publication date: when it is not a date, there is no date
        if time_value and _ISO_DATE_RE.match(time_value):
            published_raw = time_value
    published = _parse_date(published_raw, "published time", rel_name) if published_raw else None
    canonical = tree.css_first('link[rel="canonical"]')
    url = (_clean_str(canonical.attributes.get("href")) if canonical is not None else None) or _meta_content(
        tree, 'meta[property="og:url"]'
    )
    if url and not re.match(r"(?i)^https?://", url):
        url = None  # a relative canonical link says nothing stable about the source
    html_node = tree.css_first("html")
    lang = _normalise_lang(html_node.attributes.get("lang")) if html_node is not None else None
    return Metadata(
        title=title,
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        outlet=outlet,
        url=url,
        lang=lang,
    )


def _find_body(tree: LexborHTMLParser) -> str:
    for selector in _BODY_SELECTORS:
        node = tree.css_first(selector)
        if node is None:
            continue
        for chrome_selector in _CHROME_SELECTORS:
            for chrome in node.css(chrome_selector):
                chrome.decompose()
        text = html_to_text(node)
        if text:
            return text
    return ""


def _trafilatura_body(html_text: str) -> str:
    import trafilatura  # imported lazily: slow to import, and only needed for pages without a known body element

    extracted = trafilatura.extract(
        html_text,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    return _collapse_lines(extracted or "")


def parse_html_article(
    html_text: str,
    rel_name: str = "<html>",
    *,
    file_sha256: str | None = None,
    today: date | None = None,
) -> Article:
    """An HTML page: the article body only (div.article-body / <article>, else trafilatura), with page metadata."""
    today = today or date.today()
    _check_html_nesting(html_text, rel_name)
    tree = LexborHTMLParser(html_text)
    title_tag = tree.css_first("title")
    h1 = tree.css_first("h1")
    for label in (title_tag.text() if title_tag is not None else "", h1.text() if h1 is not None else ""):
        if label and _ERROR_PAGE_RE.search(label.strip()):
            raise InputRejected("not_an_article", f"{rel_name}: an error page ({label.strip()[:80]!r}), not an article")
    meta = _html_metadata(tree, rel_name)  # before _find_body, which removes chrome (and headers) in place
    text = _find_body(tree)
    if not text:
        text = _trafilatura_body(html_text)
    if len(text) < MIN_HTML_BODY_CHARS:
        raise InputRejected(
            "not_an_article",
            f"{rel_name}: no article body found in the page "
            f"({len(text)} characters of text outside navigation and chrome)",
        )
    meta = _fill_from_text(meta, text)
    return _make_article(
        text=text,
        rel_name=rel_name,
        item_id=None,
        fmt="html",
        meta=meta,
        file_sha256=file_sha256 or _sha256(html_text.encode("utf-8")),
        today=today,
    )


# ---------------------------------------------------------------------------------------------------------------
# RSS 2.0 / Atom feeds

_FEED_ROOTS = {"rss", "feed", "RDF"}
_TAG_RE = re.compile(r"<[A-Za-z/!?]")


def _feed_text(value: str | None, content_type: str | None, label: str) -> str:
    if not value:
        return ""
    if content_type in ("text/html", "application/xhtml+xml") and _TAG_RE.search(value):
        _check_html_nesting(value, label)
        return html_to_text(LexborHTMLParser(f"<div>{value}</div>").body or LexborHTMLParser(value).root)
    text = html.unescape(value) if "&" in value else value
    return "\n".join(re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")).strip()


def _feed_date(raw: str | None, label: str) -> date | None:
    """Local date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, in the timezone it is written in."""
    if not raw:
        return None
    raw = raw.strip()
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    return _parse_date(raw, "pubDate", label).value


def _safe_parse_xml(data: bytes, rel_name: str) -> str:
    """Well-formedness and safety check with defusedxml; returns the root element's local name."""
    try:
        root = DefusedET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputRejected(
            "unsafe",
            f"{rel_name}: XML declares entities or external references "
            f"({exc.__class__.__name__}); refused to expand them",
        ) from exc
    except ParseError as exc:
        raise InputRejected("malformed", f"{rel_name}: not well-formed XML ({exc})") from exc
    except (ValueError, LookupError) as exc:  # e.g. an unknown encoding in the XML declaration
        raise InputRejected("malformed", f"{rel_name}: XML could not be read ({exc})") from exc
    return root.tag.rsplit("}", 1)[-1]


def _feed_item_sha256(entry: Mapping, index: int) -> str:
    """Hash of one item's fields and position: distinct for every item of a feed, even two with the same guid."""
    fields = [str(dict.get(entry, key) or "") for key in ("id", "link", "title", "summary", "published", "updated")]
    return _sha256("\x1f".join([*fields, str(index)]).encode("utf-8", "surrogatepass"))


def parse_rss_feed(
    data: bytes,
    rel_name: str = "feed.xml",
    *,
    file_sha256: str | None = None,
    today: date | None = None,
) -> ReadResult:
    """One article per RSS/Atom item (source_file "<file>#<guid>"); items without text are rejected one by one."""
    import feedparser  # imported lazily: only feeds need it

    today = today or date.today()
    file_sha256 = file_sha256 or _sha256(data)
    root_name = _safe_parse_xml(data, rel_name)
    if root_name not in _FEED_ROOTS:
        raise InputRejected("not_an_article", f"{rel_name}: XML with root <{root_name}> is not an RSS or Atom feed")
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        raise InputRejected("not_an_article", f"{rel_name}: feed has no items")
    channel = parsed.feed
    outlet = _clean_str(channel.get("title"))
    channel_lang = _normalise_lang(channel.get("language"))
    result = ReadResult()
    seen_guids: set[str] = set()
    for index, entry in enumerate(parsed.entries, start=1):
        link = _clean_str(entry.get("link"))
        guid = _clean_str(entry.get("id")) or link or f"item-{index}"
        label = f"{rel_name}#{guid}"
        try:
            if guid in seen_guids:
                raise InputRejected(
                    "malformed",
                    f"{label}: item {index} repeats the guid of an earlier item in "
                    "the same feed; the first one was kept",
                )
            seen_guids.add(guid)
            title = _feed_text(entry.get("title"), entry.get("title_detail", {}).get("type"), label)
            summary = entry.get("summary")
            summary_type = entry.get("summary_detail", {}).get("type")
            if not summary and entry.get("content"):
                summary, summary_type = entry.content[0].get("value"), entry.content[0].get("type")
            description = _feed_text(summary, summary_type, label)
            if not description:
                raise InputRejected("not_an_article", f"{label}: feed item has no description text")
            text = f"{title}\n{description}" if title else description
            # dict.get: FeedParserDict.get("updated") warns about a deprecated published<->updated fallback
            published = _feed_date(dict.get(entry, "published") or dict.get(entry, "updated"), label)
            meta = Metadata(
                title=title or None,
                published=published,
                outlet=outlet,
                url=link,
                lang=_normalise_lang(entry.get("language")) or channel_lang,
            )
            result.articles.append(
                _make_article(
                    text=text,
                    rel_name=rel_name,
                    item_id=guid,
                    fmt="rss",
                    meta=meta,
                    file_sha256=file_sha256,
                    today=today,
                )
            )
        except InputRejected as rejected:
            result.rejections.append(
                Rejection(
                    file=label,
                    item=guid,
                    reason=rejected.reason,
                    message=rejected.message,
                    content_sha256=_feed_item_sha256(entry, index),
                )
            )
    return result
