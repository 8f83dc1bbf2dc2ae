"""Incremental reads of an input folder: files are compared by size and modification time before any hashing.

`read_folder_incrementally` reads only the files that are new, changed (size or mtime), depend on the day they
were read on (a date rejected as being in the future), or were read by another reader version; the others are
unchanged and left as the warehouse has them. Duplicates are still found across the whole folder: the unchanged
files' digests and articles come in as `known_*`, and an unchanged file that a new file now precedes in name
order is read again (it is the duplicate now). A read with no previous state reads every file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sources.models import ReadResult
from sources.press_releases import _discover, read_input_folder


@dataclass(frozen=True)
class FileStat:
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class KnownFile:
    """An input file as the last read left it (state.input_files)."""

    size: int
    mtime_ns: int
    file_sha256: str | None
    reader_version: str
    read_day: date
    depends_on_today: bool


@dataclass
class IncrementalRead:
    result: ReadResult  # articles and rejections of the files read now
    read: dict[str, FileStat]  # the files read now, with their size and mtime
    removed: set[str]  # files known from the last read that are gone
    unchanged: set[str] = field(default_factory=set)

    @property
    def touched(self) -> set[str]:
        """Files whose rows in the warehouse this read replaces (read again, or removed)."""
        return set(self.read) | self.removed

    def file_rows(self, reader_version: str, today: date) -> list[dict]:
        """state.input_files rows for the files read now."""
        return [
            {"file": name, "size": stat.size, "mtime_ns": stat.mtime_ns,
             "file_sha256": self.result.file_sha256.get(name), "reader_version": reader_version,
             "read_day": today, "depends_on_today": self.result.depends_on_today(name)}
            for name, stat in sorted(self.read.items())
        ]


def scan_folder(root: Path) -> dict[str, FileStat]:
    """Every input file's size and modification time (what a symbolic link points to, else the link)."""
    scanned = {}
    for name, path in _discover(Path(root)):
        try:
            info = path.stat()
        except OSError:
            try:
                info = path.lstat()
            except OSError:
                info = None
        scanned[name] = FileStat(info.st_size, info.st_mtime_ns) if info else FileStat(-1, -1)
    return scanned


def _unchanged(stat: FileStat, known: KnownFile | None, reader_version: str, today: date) -> bool:
    return (
        known is not None
        and stat.size >= 0
        and (stat.size, stat.mtime_ns) == (known.size, known.mtime_ns)
        and known.reader_version == reader_version
        and not (known.depends_on_today and known.read_day != today)
    )


def read_folder_incrementally(
    root: Path,
    previous: Mapping[str, KnownFile],
    present_articles: Mapping[tuple[str, str], str] | Callable[[], Mapping[tuple[str, str], str]],
    *,
    reader_version: str,
    today: date,
) -> IncrementalRead:
    """Read what changed since `previous` (name -> KnownFile); `present_articles` maps the (article_id,
    content_sha256) of the articles the warehouse holds for the folder to their source file (or is a function
    that returns it: it is only needed when something changed)."""
    scanned = scan_folder(root)
    unchanged = {n for n, stat in scanned.items() if _unchanged(stat, previous.get(n), reader_version, today)}
    removed = set(previous) - set(scanned)
    to_read = set(scanned) - unchanged
    if to_read and callable(present_articles):
        present_articles = present_articles()
    while True:
        if not to_read:
            return IncrementalRead(ReadResult(), {}, removed, unchanged)
        known_hashes = {previous[n].file_sha256: n for n in sorted(unchanged, reverse=True)
                        if previous[n].file_sha256}
        known_articles = {k: f for k, f in present_articles.items() if f.split("#", 1)[0] in unchanged}
        result = read_input_folder(root, today=today, only=to_read, known_hashes=known_hashes,
                                   known_articles=known_articles)
        displaced = result.displaced & unchanged
        if not displaced:
            return IncrementalRead(result, {n: scanned[n] for n in to_read}, removed, unchanged)
        unchanged -= displaced
        to_read |= displaced


def folder_fingerprint(folder: Path) -> str:
    """A digest of every file's relative path, size and modification time under `folder` (cheap: no reads)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(root, name)
                try:
                    stat = path.lstat()
                except OSError:
                    continue
                digest.update(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
