"""Deal mentions -> deals: which mentions report the same real-world deal, under ids that stay put.

Rules, strongest first (docs/resolution.md explains each with examples):

1. Never one deal: two mentions of the same article (an article lists distinct deals); different regions;
   different OKED divisions (different products); capacities in the same unit more than 15% apart; amounts more
   than 30% apart; partners from different countries unless their names match; a plant reported commissioned
   and a memorandum more than 90 days later (a new project). Checked between *every* pair of two clusters
   before they merge, so chains of near-matches cannot drag distant mentions together.
2. `partner_name`: names match across scripts (similarity >= 0.88) and amounts are within 15% (30% when the
   stages differ: a memorandum's budget restated at launch), or, without amounts, the same district or capacity.
   A different district is accepted only with a close amount and the same sector (an outlet named a wrong place).
3. `partner_name_partial`: similarity 0.75-0.88 needs the same district and a close amount or capacity.
4. `unnamed_unique_candidate`: a mention that names no partner joins a deal only when it has the same district,
   sector and a close amount as exactly one candidate deal.
5. `partner_conflict_unique_candidate`: two different names join only when everything else agrees exactly
   (district, sector, amount within 5%, country) and there is exactly one such candidate.

Ids: a deal keeps the id it had in the previous run (`previous`); a new deal is 'deal_' + its earliest mention
id. When a new mention proves two existing deals are one, the older deal's id survives and the merge is
reported (`merged_from` on the mentions of the absorbed deal).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from resolution.corrections import Correction, ResolutionCorrections
from resolution.evidence import (
    AMOUNT_CLOSE,
    AMOUNT_EXACT,
    AMOUNT_RESTATED,
    CAPACITY_CLOSE,
    NAME_MEDIUM,
    NAME_MISMATCH,
    NAME_STRONG,
    Comparison,
    Mention,
    Rates,
    amount_difference,
    capacity_difference,
    compare,
    mention_from_row,
)
from resolution.names import name_similarity

SINGLETON = "singleton"


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    rule: str
    score: float
    unique_candidate: bool  # the rule holds only when it picks exactly one candidate deal


def contradicts(c: Comparison) -> bool:
    """Evidence that two mentions are different deals, whatever else agrees."""
    if c.same_article or c.region is False or c.regression:
        return True
    if c.sector is False and not _same_partner_same_figure(c):
        return True
    if c.capacity is not None and c.capacity > CAPACITY_CLOSE:
        return True
    if c.amount is not None and c.amount > AMOUNT_RESTATED:
        return True
    if c.country is False and (c.name is None or c.name < NAME_STRONG):
        return True
    if c.name is not None and c.name < NAME_MISMATCH and not _strict_agreement(c):
        return True
    return False


def _same_partner_same_figure(c: Comparison) -> bool:
    """Sectors differ, but the partner, place and figure agree: an OKED read differently by two outlets.

    Two deals of one company in one district with amounts within 5% are rarer than a misread activity code.
    """
    return (
        c.name is not None
        and c.name >= NAME_STRONG
        and c.district is not False
        and c.amount is not None
        and c.amount <= AMOUNT_EXACT
    )


def _strict_agreement(c: Comparison) -> bool:
    """Place, sector and amount all stated and all the same: the figure, not the name, identifies the deal."""
    return (
        c.district is True
        and c.sector is True
        and c.amount is not None
        and c.amount <= AMOUNT_EXACT
        and c.country is not False
        and (c.capacity is None or c.capacity <= CAPACITY_CLOSE)
    )


def link_rule(c: Comparison) -> tuple[str, bool] | None:
    """The rule that makes two mentions one deal, and whether it needs a unique candidate; None if no rule does."""
    if contradicts(c):
        return None
    amount_ok = c.amount is not None and c.amount <= (AMOUNT_RESTATED if c.stages_differ else AMOUNT_CLOSE)
    capacity_same = c.capacity is not None and c.capacity <= CAPACITY_CLOSE
    if c.name is not None and c.name >= NAME_STRONG:
        if c.region is None and not amount_ok:
            return None
        if c.district is False:
            if c.amount is not None and c.amount <= AMOUNT_CLOSE and c.sector is True:
                return "partner_name_place_conflict", False
            return None
        if c.amount is not None:
            return ("partner_name", False) if amount_ok else None
        if c.district is True or capacity_same:
            return "partner_name", False
        return None
    if c.name is not None and c.name >= NAME_MEDIUM:
        if c.district is True and c.sector is not False and (amount_ok or capacity_same):
            return "partner_name_partial", False
        return None
    evidence_agrees = (
        c.district is True
        and c.sector is True
        and c.amount is not None
        and c.amount <= AMOUNT_CLOSE
        and c.country is not False
    )
    if c.name is None and evidence_agrees:
        return "unnamed_unique_candidate", True
    if c.name is not None and _strict_agreement(c):
        return "partner_conflict_unique_candidate", True
    return None


class _Clusters:
    """Union-find over mention ids, with the members of each root kept for the pairwise contradiction check."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, gone = (ra, rb) if ra < rb else (rb, ra)  # deterministic root
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))
        return keep


def resolve_mentions(
    mentions: Iterable[Mapping[str, object]],
    previous: Mapping[str, str] | None = None,
    corrections: Iterable[Correction] | ResolutionCorrections | None = None,
    rates: Rates | Mapping[tuple[str, int], float] | None = None,
) -> list[dict]:
    """Assign every mention a deal_id. Returns one dict per mention, sorted by mention_id:
    mention_id, deal_id, rule (why it is in this deal), score (0..1, best evidence linking it to the deal;
    None for a deal of one mention), merged_from (the deal it belonged to before a merge, else None),
    partner_conflict (the deal's mentions name partners that are not spellings of one name).

    `previous`: mention_id -> deal_id from the last run, so ids survive added articles.
    `corrections`: analyst merges and splits (and mention-level field overrides) applied before matching.
    `rates`: local currency per USD by (currency, year), to compare amounts stated in different currencies.
    """
    previous = dict(previous or {})
    fixes = (
        corrections
        if isinstance(corrections, ResolutionCorrections)
        else ResolutionCorrections.from_corrections(corrections or [])
    )
    rates = rates if isinstance(rates, Rates) else Rates(rates)
    by_id: dict[str, Mention] = {}
    for row in mentions:
        overrides = fixes.mention_overrides.get(str(row["mention_id"]))
        mention = mention_from_row({**row, **overrides} if overrides else row)
        by_id[mention.mention_id] = mention
    ids = sorted(by_id)
    clusters = _Clusters(ids)
    rule_of: dict[str, str] = {}
    score_of: dict[str, float] = {}

    comparisons = _compare_within_blocks([by_id[i] for i in ids], rates, set(fixes.splits))

    def compatible(ra: str, rb: str) -> bool:
        for x in clusters.members[ra]:
            for y in clusters.members[rb]:
                if x in fixes.splits or y in fixes.splits:
                    return False
                c = comparisons.get((x, y) if x < y else (y, x))
                if c is None:
                    c = compare(by_id[x], by_id[y], rates)
                if contradicts(c):
                    return False
        return True

    def attach(a: str, b: str, rule: str, score: float | None) -> None:
        for m in (a, b):
            if m not in rule_of or rule_of[m] == SINGLETON:
                rule_of[m] = rule
            if score is not None:
                score_of[m] = max(score_of.get(m, 0.0), score)
        clusters.union(a, b)

    # 1. analyst merges: every mention of deal X with every mention of deal Y, whatever the evidence says
    members_of_previous: dict[str, list[str]] = defaultdict(list)
    for m, d in previous.items():
        if m in by_id:
            members_of_previous[d].append(m)
    correction_destinations: set[str] = set()
    for fix in fixes.merges:
        side_a = _mentions_of_deal(fix.target_id, by_id, members_of_previous)
        side_b = _mentions_of_deal(fix.new_value or "", by_id, members_of_previous)
        if side_a and side_b:
            correction_destinations.add(fix.new_value or "")
            for m in side_a + side_b:
                attach(side_a[0], m, f"correction_merge:{fix.correction_id}", None)

    # 2. machine links, best evidence first
    links: list[Link] = []
    for (a, b), c in comparisons.items():
        found = link_rule(c)
        if found:
            links.append(Link(a, b, found[0], c.score(), found[1]))
    links.sort(key=lambda k: (-k.score, k.a, k.b))
    for link in (k for k in links if not k.unique_candidate):
        ra, rb = clusters.find(link.a), clusters.find(link.b)
        if ra != rb and compatible(ra, rb):
            attach(link.a, link.b, link.rule, link.score)

    # 3. weak evidence (no name, or conflicting names) only where it points at exactly one deal
    weak: dict[str, list[Link]] = defaultdict(list)
    for link in (k for k in links if k.unique_candidate):
        weak[link.a].append(link)
        weak[link.b].append(link)
    for m in sorted(weak, key=lambda i: by_id[i].order_key):
        own = clusters.find(m)
        candidates: dict[str, Link] = {}
        for link in weak[m]:
            other = link.b if link.a == m else link.a
            root = clusters.find(other)
            if root != own and compatible(own, root):
                best = candidates.get(root)
                if best is None or link.score > best.score:
                    candidates[root] = link
        if len(candidates) == 1:
            (link,) = candidates.values()
            attach(link.a, link.b, link.rule, link.score)

    # 4. split mentions stay alone; everyone else gets named
    groups = sorted(
        (sorted(members, key=lambda i: by_id[i].order_key) for members in clusters.members.values()),
        key=lambda g: by_id[g[0]].order_key,
    )
    deal_of, absorbed_by = _name_deals(groups, previous, correction_destinations)
    partner_conflict = {deal_of[g[0]]: _partners_disagree([by_id[m] for m in g]) for g in groups}
    results = []
    for i in ids:
        deal_id = deal_of[i]
        before = previous.get(i)
        merged_from = before if before and before != deal_id and before in absorbed_by.get(deal_id, set()) else None
        rule = rule_of.get(i, SINGLETON)
        if i in fixes.splits:
            rule = f"correction_split:{fixes.splits[i].correction_id}"
        results.append(
            {
                "mention_id": i,
                "deal_id": deal_id,
                "rule": rule,
                "score": score_of.get(i),
                "merged_from": merged_from,
                "partner_conflict": partner_conflict[deal_id],
            }
        )
    return results


def _partners_disagree(group: list[Mention]) -> bool:
    """True when two mentions of one deal name partners that are not spellings of one name."""
    named = [m.partner_name for m in group if m.is_named]
    return any(
        (name_similarity(a, b) or 0.0) < NAME_STRONG for i, a in enumerate(named) for b in named[i + 1:]
    )


# Stands in for the comparison of two mentions that cheap evidence already proves are different deals.
PLAINLY_DIFFERENT = Comparison(
    same_article=True, region=None, district=None, sector=None, country=None, name=None, amount=None,
    capacity=None, stages_differ=False, regression=False,
)


def _plainly_different(a: Mention, b: Mention, rates: Rates) -> bool:
    """Same article, or amounts or capacities too far apart: no need to compare the names."""
    if a.article_id == b.article_id:
        return True
    amount = amount_difference(a, b, rates)
    if amount is not None and amount > AMOUNT_RESTATED:
        return True
    capacity = capacity_difference(a, b)
    return capacity is not None and capacity > CAPACITY_CLOSE


def _compare_within_blocks(mentions: list[Mention], rates: Rates, split: set[str]) -> dict[tuple[str, str], Comparison]:
    """Compare pairs inside a region (and mentions of unknown region with everyone): no cross-region pairs."""
    blocks: dict[str | None, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.mention_id not in split:
            blocks[m.region_kato].append(m)
    unknown = blocks.pop(None, [])
    comparisons: dict[tuple[str, str], Comparison] = {}

    def add(a: Mention, b: Mention) -> None:
        key = (a.mention_id, b.mention_id) if a.mention_id < b.mention_id else (b.mention_id, a.mention_id)
        if key[0] == key[1] or key in comparisons:
            return
        if _plainly_different(a, b, rates):
            comparisons[key] = PLAINLY_DIFFERENT  # skip the name comparison, the costly part
        else:
            comparisons[key] = compare(a, b, rates)

    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                add(a, b)
    everyone = [m for block in blocks.values() for m in block] + unknown
    for a in unknown:
        for b in everyone:
            add(a, b)
    return comparisons


def _mentions_of_deal(
    deal_id: str, by_id: Mapping[str, Mention], members_of_previous: Mapping[str, list[str]]
) -> list[str]:
    """The current mentions of a deal id: those assigned to it last run, and the mention it was named after."""
    found = set(members_of_previous.get(deal_id, []))
    founder = founding_mention(deal_id)
    if founder in by_id:
        found.add(founder)
    return sorted(found)


def founding_mention(deal_id: str) -> str:
    """The mention a deal id was derived from: 'deal_<mention_id>' (a '~n' suffix marks a taken id)."""
    return deal_id.removeprefix("deal_").split("~", 1)[0]


def _name_deals(
    groups: list[list[str]], previous: Mapping[str, str], preferred: set[str]
) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Give each cluster a deal id: a previous id where its mentions had one, else 'deal_' + earliest mention.

    A previous id goes to the cluster holding most of its old mentions (ties: the cluster holding its founding
    mention, then the earliest cluster). A cluster that gets several previous ids keeps the oldest (or the one an
    analyst merged into) and absorbs the others: those are the recorded merges.
    """
    holders: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for index, group in enumerate(groups):
        counts: dict[str, int] = defaultdict(int)
        for m in group:
            if m in previous:
                counts[previous[m]] += 1
        for deal_id, count in counts.items():
            holds_founder = int(founding_mention(deal_id) in group)
            holders[deal_id].append((-count, -holds_founder, index))
    claimed: dict[int, list[str]] = defaultdict(list)
    for deal_id in sorted(holders):
        _, _, index = min(holders[deal_id])
        claimed[index].append(deal_id)

    deal_of: dict[str, str] = {}
    absorbed_by: dict[str, set[str]] = {}
    taken: set[str] = {d for ids in claimed.values() for d in ids}
    for index, group in enumerate(groups):
        old_ids = claimed.get(index, [])
        if old_ids:
            def age(deal_id: str, group: list[str] = group) -> tuple:
                first = next(i for i, m in enumerate(group) if previous.get(m) == deal_id)
                return (deal_id not in preferred, first, deal_id)

            ordered = sorted(old_ids, key=age)
            deal_id = ordered[0]
            absorbed_by[deal_id] = set(ordered[1:])
        else:
            # an analyst's merge names the deal that survives; otherwise the earliest mention names the deal
            wanted = sorted(d for d in preferred if founding_mention(d) in group and d not in taken)
            deal_id = wanted[0] if wanted else f"deal_{group[0]}"
            suffix = 1
            while deal_id in taken:
                deal_id = f"deal_{group[0]}~{suffix}"
                suffix += 1
        taken.add(deal_id)
        for m in group:
            deal_of[m] = deal_id
    return deal_of, absorbed_by


def deal_merges(assignments: Iterable[Mapping[str, object]]) -> list[dict]:
    """The merges a resolution made: one row per (surviving deal, absorbed deal), with the rule that merged them."""
    merges: dict[tuple[str, str], dict] = {}
    for row in assignments:
        absorbed = row.get("merged_from")
        if not absorbed:
            continue
        key = (str(row["deal_id"]), str(absorbed))
        entry = merges.setdefault(
            key, {"surviving_deal_id": key[0], "absorbed_deal_id": key[1], "reason": str(row["rule"]), "mentions": 0}
        )
        entry["mentions"] += 1
    return [merges[k] for k in sorted(merges)]
