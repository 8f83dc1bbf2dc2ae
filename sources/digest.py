"""One digest of code and data files: what says which version of the reader, extractor or resolver made a row.

A new digest means the code (or a registry it reads) changed, so its output may differ: the pipeline re-reads,
re-extracts or re-resolves what that code produced. The same helper serves every package, so the rule is one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

DIGEST_CHARS = 12


def code_digest(*groups: Iterable[Path]) -> str:
    """sha256 over the names and bytes of the files, in sorted order per group; the first 12 hex digits."""
    digest = hashlib.sha256()
    for group in groups:
        for path in sorted(group):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:DIGEST_CHARS]


def package_digest(package_file: str, *extra: Iterable[Path], recursive: bool = False) -> str:
    """The digest of a package's Python files (given its __init__'s __file__) and of any extra file groups."""
    folder = Path(package_file).resolve().parent
    return code_digest(folder.rglob("*.py") if recursive else folder.glob("*.py"), *extra)
