"""The blocks a mention falls into, so an incremental run can load only the mentions new ones could touch.

Resolution pairs two mentions only inside a block (resolution/pairs.py): partner names at least NAME_MEDIUM alike
in one region (a mention of unknown region is in every region's block), or the same district and OKED division.
A mention's blocks are stored with its assignment (state.mention_blocks); an incremental run asks which stored
mentions share a block with the new ones, then loads them with every member of their deals
(warehouse/resolutions.py block_scope). Whole blocks are loaded, because the sorted-neighbourhood window depends
on a block's members.

A weak link (a unique candidate, resolve.link_rule) weighs every candidate of the kept mention it would join, not
only the new ones; those candidates are in the same place block as the new mention, because both weak rules
require the same district and sector, so no second ring is needed (tests/resolution/test_scaling.py checks that
rule, and the scoped run against one that loads every mention).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from resolution.corrections import ResolutionCorrections
from resolution.evidence import NAME_MEDIUM, Mention, mention_from_row
from resolution.names import similar_keys

KEY_SEPARATOR = " "  # key tokens are [a-z0-9]+ (names._tokens splits on everything else), never empty


def block_of(mention: Mention) -> dict:
    """(mention_id, region_kato, district_kato, sector, partner_key) of a mention resolution has read."""
    return {"mention_id": mention.mention_id, "region_kato": mention.region_kato,
            "district_kato": mention.district_kato, "sector": mention.sector,
            "partner_key": KEY_SEPARATOR.join(mention.key) or None}


def mention_blocks(rows: Iterable[Mapping[str, object]], corrections: ResolutionCorrections) -> list[dict]:
    """The blocks (block_of) of each mention row, as resolution sees it (the analysts' overrides applied). A
    mention that cannot be read is left out: resolution quarantines it."""
    blocks = []
    for row in rows:
        try:
            blocks.append(block_of(mention_from_row(corrections.corrected(row))))
        except Exception:  # noqa: BLE001 - resolution quarantines the same mention with its exception
            continue
    return blocks


def block_probes(
    blocks: Iterable[Mapping[str, object]], keys_by_region: Mapping[str | None, Iterable[str]]
) -> tuple[list[dict], list[dict]]:
    """What to look up for the blocks of `blocks` among the stored mentions, whose distinct partner keys by region
    are `keys_by_region` (None: unknown region).

    Returns (name probes: region_kato, partner_key; place probes: district_kato, sector). A stored mention shares a
    name block with one of `blocks` when its key is a probe's key and its region is the probe's region, or either
    region is unknown (a probe's region None matches every region); a place block when district and sector match.
    """
    queries: dict[str | None, set[tuple[str, ...]]] = defaultdict(set)
    places: set[tuple[str, str]] = set()
    for b in blocks:
        if b.get("partner_key"):
            queries[b.get("region_kato")].add(tuple(str(b["partner_key"]).split(KEY_SEPARATOR)))
        if b.get("district_kato") and b.get("sector"):
            places.add((str(b["district_kato"]), str(b["sector"])))
    stored = {region: {tuple(k.split(KEY_SEPARATOR)) for k in keys if k} for region, keys in keys_by_region.items()}
    names: list[dict] = []
    for region, keys in sorted(queries.items(), key=lambda item: item[0] or ""):
        if region is None:
            choices = set().union(*stored.values()) if stored else set()
        else:
            choices = stored.get(region, set()) | stored.get(None, set())
        names += [{"region_kato": region, "partner_key": KEY_SEPARATOR.join(k)}
                  for k in sorted(similar_keys(sorted(keys), sorted(choices), NAME_MEDIUM))]
    return names, [{"district_kato": d, "sector": s} for d, s in sorted(places)]
