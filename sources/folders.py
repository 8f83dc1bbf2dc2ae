"""Cheap change detection for an input folder: file paths, sizes and modification times, no reads."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


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
