"""The lifecycle of a deal, read from the one file that defines it: dbt_project/seeds/deal_statuses.csv.

dbt loads the same file as the seed `deal_statuses` (the marts' stage order and "committed" rule join it), so the
order of the statuses and which of them commit money are written once for Python and SQL.
"""

from __future__ import annotations

import csv
from pathlib import Path

STATUS_FILE = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds" / "deal_statuses.csv"


def _load() -> list[dict]:
    with STATUS_FILE.open(encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["stage_rank"]))
    return rows


_ROWS = _load()
# statuses in lifecycle order: memorandum, agreement, construction, commissioned
STATUSES: tuple[str, ...] = tuple(r["status"] for r in _ROWS)
# 1 for the first stage; a later stage has a higher rank (the same numbers as the seed's stage_rank in SQL)
STATUS_RANK: dict[str, int] = {r["status"]: int(r["stage_rank"]) for r in _ROWS}
COMMITTED: frozenset[str] = frozenset(r["status"] for r in _ROWS if r["is_committed"].strip().lower() == "true")
LABELS_EN: dict[str, str] = {r["status"]: r["label_en"] for r in _ROWS}
