"""Make sure dbt's manifest.json is there and current before the dbt assets are imported.

`@dbt_assets` reads target/manifest.json when its module is imported, so every entry point (CLI, tests,
`make dev`) calls `ensure_manifest()` first. The manifest is a build product and is never committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from orchestration.settings import DBT_PROJECT_DIR

MANIFEST = DBT_PROJECT_DIR / "target" / "manifest.json"
_SOURCES = ("models", "macros", "seeds", "snapshots", "tests", "dbt_project.yml", "profiles.yml")


class DbtParseError(RuntimeError):
    """dbt could not parse the project; the message carries dbt's own output."""


def _newest_source_mtime(project_dir: Path) -> float:
    newest = 0.0
    for name in _SOURCES:
        path = project_dir / name
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file():
                    newest = max(newest, child.stat().st_mtime)
    return newest


def dbt_executable() -> str:
    """The dbt of this environment (beside the running Python), else whatever is on PATH."""
    beside = Path(sys.executable).with_name("dbt")
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


def ensure_manifest(project_dir: Path = DBT_PROJECT_DIR, force: bool = False) -> Path:
    """Run `dbt parse` when the manifest is missing or older than any model, macro or config file."""
    manifest = project_dir / "target" / "manifest.json"
    if not force and manifest.exists() and manifest.stat().st_mtime >= _newest_source_mtime(project_dir):
        return manifest
    env = dict(os.environ)
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    proc = subprocess.run(
        [dbt_executable(), "parse", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir),
         "--warn-error"],
        cwd=project_dir, env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise DbtParseError(f"dbt parse failed in {project_dir}:\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}")
    return manifest
