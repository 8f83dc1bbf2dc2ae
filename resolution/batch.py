"""One resolution run over rows: the current mentions and the previous run's assignments in, new assignments out.

A mention's `merged_from` sticks while it stays in the deal that absorbed its old one, so the lineage of a merge
stays visible after the run that made it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from resolution.blocks import mention_blocks
from resolution.corrections import ResolutionCorrections, load_corrections
from resolution.resolve import deal_merges, resolve_mentions

RESOLUTION_COLUMNS = ["mention_id", "deal_id", "rule", "score", "merged_from", "partner_conflict"]
BLOCK_COLUMNS = ["mention_id", "region_kato", "district_kato", "sector", "partner_key"]


def new_mention_blocks(mentions: Sequence[Mapping], corrections_file: Path) -> list[dict]:
    """The blocks of mentions not resolved yet (resolution/blocks.py), the analysts' overrides applied: what an
    incremental run looks up before it resolves."""
    return mention_blocks(mentions, ResolutionCorrections.from_corrections(load_corrections(corrections_file)))


def block_frame(blocks: Sequence[Mapping]) -> pd.DataFrame:
    """Blocks as stored (state.mention_blocks)."""
    return pd.DataFrame(list(blocks), columns=BLOCK_COLUMNS, dtype=object)


def resolution_rows(
    mentions: Sequence[Mapping] | pd.DataFrame,
    previous: Sequence[Mapping] | pd.DataFrame,
    rates: Mapping[tuple[str, int], float],
    corrections_file: Path,
    incremental: bool = False,
    failures: list[tuple[str, Exception]] | None = None,
    blocks: list[dict] | None = None,
) -> tuple[pd.DataFrame, list[dict]]:
    """Resolve the current mentions against last run's assignments; returns (assignments, new merges).

    `previous`: last run's rows (RESOLUTION_COLUMNS), as dicts or a DataFrame. `incremental`: `previous` (with
    rule and score) is the last run's output for unchanged mentions; its deals are kept and only the other
    mentions are compared. `failures` collects the mentions that could not be read, `blocks` the blocks of those
    read (resolve_mentions).
    """
    if isinstance(mentions, pd.DataFrame):
        mentions = mentions.to_dict(orient="records")
    # plain dicts: iterating pandas' Arrow-backed string columns row by row costs about a second at 50k mentions
    previous_rows = previous.to_dict(orient="records") if isinstance(previous, pd.DataFrame) else list(previous)
    before = {r["mention_id"]: r["deal_id"] for r in previous_rows}
    sticky = {r["mention_id"]: r["merged_from"] for r in previous_rows
              if isinstance(r.get("merged_from"), str) and r["merged_from"]}
    assignments = resolve_mentions(
        mentions, before, load_corrections(corrections_file), rates,
        previous_rows=previous_rows if incremental and previous_rows else None, failures=failures, blocks=blocks,
    )
    merges = deal_merges(assignments)
    for row in assignments:
        if row["merged_from"] is None and before.get(row["mention_id"]) == row["deal_id"]:
            row["merged_from"] = sticky.get(row["mention_id"])
    return pd.DataFrame(assignments, columns=RESOLUTION_COLUMNS), merges
