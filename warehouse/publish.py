"""The read-only copy of the warehouse for BI tools and analysts, replaced atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb


def published_path(warehouse: Path) -> Path:
    """The read-only copy beside the warehouse: invest_tracker.published.duckdb."""
    return warehouse.with_name(warehouse.stem + ".published" + warehouse.suffix)


def publish_copy(source: Path, target: Path) -> int:
    """Checkpoint `source`, copy it beside `target` and rename over `target` (never a half-written file)."""
    con = duckdb.connect(str(source))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target.stat().st_size
