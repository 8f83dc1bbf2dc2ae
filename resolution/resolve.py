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

Scale (docs/resolution.md, "Speed"): candidate pairs come from blocking with an amount window
(resolution.pairs), their evidence is computed column-wise, and the never-one-deal check between two clusters
runs on per-cluster summaries, so the work grows with the mentions and their near neighbours, not with the square
of a region. With `previous_rows` (the last run's output) only the new mentions are compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from resolution.blocks import block_of
from resolution.corrections import Correction, ResolutionCorrections
from resolution.evidence import (
    AMOUNT_CLOSE,
    AMOUNT_EXACT,
    AMOUNT_RESTATED,
    CAPACITY_CLOSE,
    NAME_MEDIUM,
    NAME_MISMATCH,
    NAME_STRONG,
    REGRESSION_DAYS,
    STAGE_RANK,
    Comparison,
    Mention,
    Rates,
    amount_difference,
    compare,
    mention_from_row,
)
from resolution.names import key_similarity
from resolution.pairs import RULES, UNIQUE_CANDIDATE_RULES, MentionTable

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
    """Union-find over mention rows (row order = mention id order), with the members of each root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> tuple[int, int]:
        """Join the clusters of a and b; returns (surviving root, absorbed root)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra, rb
        keep, gone = (ra, rb) if ra < rb else (rb, ra)  # deterministic root
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))
        return keep, gone


def _extremes(values: dict, key: object, value: float) -> None:
    low_high = values.get(key)
    if low_high is None:
        values[key] = [value, value]
    else:
        low_high[0] = min(low_high[0], value)
        low_high[1] = max(low_high[1], value)


def _earliest(x: int | None, y: int | None) -> int | None:
    return y if x is None else x if y is None else min(x, y)


def _latest(x: int | None, y: int | None) -> int | None:
    return y if x is None else x if y is None else max(x, y)


def _relative(x: float, y: float) -> float:
    return abs(x - y) / max(x, y)


def _figures_agree(mine: dict, theirs: dict, limit: float, exactly: Callable[[int], bool]) -> bool:
    """Figures in one unit (or currency): the widest cross pair decides; `exactly` when it sits on the limit."""
    for key in mine.keys() & theirs.keys():
        (low_a, high_a), (low_b, high_b) = mine[key], theirs[key]
        widest = max(_relative(low_a, high_b), _relative(high_a, low_b))
        if widest > limit + 1e-9 or (widest > limit - 1e-9 and not exactly(key)):
            return False
    return True


@dataclass
class _Summary:
    """What the never-one-deal check needs to know about a cluster, so that it does not revisit member pairs.

    Exact for articles, regions, stage regression, capacities and same-currency amounts (sets, earliest and latest
    dates, lowest and highest figures); the conditions that depend on the names (sector, country, name mismatch)
    and amounts in two currencies keep their members grouped, and only the pairs that differ there are compared.
    """

    split: bool = False
    articles: set = field(default_factory=set)
    regions: set = field(default_factory=set)
    commissioned_first: int | None = None
    memorandum_last: int | None = None
    capacities: dict = field(default_factory=dict)  # unit -> [low, high]
    amounts: dict = field(default_factory=dict)  # currency -> [low, high] (amount > 0)
    by_currency: dict = field(default_factory=lambda: defaultdict(list))  # convertible currency -> rows
    usd: list = field(default_factory=list)  # rows with amount_usd
    sectors: dict = field(default_factory=lambda: defaultdict(list))
    countries: dict = field(default_factory=lambda: defaultdict(list))
    keys: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, i: int, t: MentionTable, split: bool) -> None:
        self.split |= split
        self.articles.add(int(t.article[i]))
        if t.region[i] >= 0:
            self.regions.add(int(t.region[i]))
        published = int(t.published[i])
        if published >= 0 and t.stage[i] == STAGE_RANK["commissioned"]:
            self.commissioned_first = _earliest(self.commissioned_first, published)
        if published >= 0 and t.stage[i] == STAGE_RANK["memorandum"]:
            self.memorandum_last = _latest(self.memorandum_last, published)
        if t.unit[i] >= 0 and t.capacity[i] > 0:
            _extremes(self.capacities, int(t.unit[i]), float(t.capacity[i]))
        currency = int(t.currency[i])
        if t.amount[i] > 0 and currency >= 0:
            _extremes(self.amounts, currency, float(t.amount[i]))
            if t.convertible[currency]:
                self.by_currency[currency].append(i)
        if not np.isnan(t.amount_usd[i]):
            self.usd.append(i)
        for column, groups in ((t.sector, self.sectors), (t.country, self.countries), (t.key, self.keys)):
            if column[i] >= 0:
                groups[int(column[i])].append(i)

    def absorb(self, other: _Summary) -> None:
        self.split |= other.split
        self.articles |= other.articles
        self.regions |= other.regions
        for mine, theirs in ((self.capacities, other.capacities), (self.amounts, other.amounts)):
            for key, (low, high) in theirs.items():
                _extremes(mine, key, low)
                _extremes(mine, key, high)
        self.commissioned_first = _earliest(self.commissioned_first, other.commissioned_first)
        self.memorandum_last = _latest(self.memorandum_last, other.memorandum_last)
        self.usd += other.usd
        for mine, theirs in ((self.by_currency, other.by_currency), (self.sectors, other.sectors),
                             (self.countries, other.countries), (self.keys, other.keys)):
            for key, rows in theirs.items():
                mine[key].extend(rows)


class _Resolver:
    """Clusters of mentions with the incremental never-one-deal check (`compatible`)."""

    def __init__(self, table: MentionTable, rates: Rates, split_rows: set[int]) -> None:
        self.t = table
        self.rates = rates
        self.split_rows = split_rows
        self.clusters = _Clusters(table.n)
        self.summaries: dict[int, _Summary] = {}
        self.incompatible: dict[int, set[int]] = {}  # root -> roots it can never join
        self._comparisons: dict[tuple[int, int], Comparison] = {}

    def summary(self, root: int) -> _Summary:
        found = self.summaries.get(root)
        if found is None:
            found = _Summary()
            for i in self.clusters.members[root]:
                found.add(i, self.t, i in self.split_rows)
            self.summaries[root] = found
        return found

    def union(self, a: int, b: int) -> None:
        ra, rb = self.clusters.find(a), self.clusters.find(b)
        if ra == rb:
            return
        summaries = None
        if ra in self.summaries or rb in self.summaries:  # keep a summary that exists: merge, do not rebuild
            summaries = sorted((self.summary(ra), self.summary(rb)), key=lambda x: len(x.articles), reverse=True)
            del self.summaries[ra], self.summaries[rb]
        keep, gone = self.clusters.union(a, b)
        moved = self.incompatible.pop(gone, None)
        if moved:
            mine = self.incompatible.setdefault(keep, set())
            for other in moved:
                theirs = self.incompatible[other]
                theirs.discard(gone)
                if other != keep:
                    theirs.add(keep)
                    mine.add(other)
            mine.discard(keep)
        if summaries is not None:
            summaries[0].absorb(summaries[1])
            self.summaries[keep] = summaries[0]

    def compare(self, x: int, y: int) -> Comparison:
        key = (x, y) if x < y else (y, x)
        found = self._comparisons.get(key)
        if found is None:
            found = compare(self.t.mentions[key[0]], self.t.mentions[key[1]], self.rates)
            self._comparisons[key] = found
        return found

    def compatible(self, ra: int, rb: int) -> bool:
        """No member of one cluster contradicts a member of the other (`contradicts`, decided without visiting
        every member pair). A contradiction stays when either cluster grows, so a "no" is remembered."""
        known = self.incompatible.get(ra)
        if known is not None and rb in known:
            return False
        if self._compatible(ra, rb):
            return True
        self.incompatible.setdefault(ra, set()).add(rb)
        self.incompatible.setdefault(rb, set()).add(ra)
        return False

    def _compatible(self, ra: int, rb: int) -> bool:
        a, b = self.summary(ra), self.summary(rb)
        if a.split or b.split:
            return False
        if not a.articles.isdisjoint(b.articles):
            return False
        if a.regions and b.regions and len(a.regions | b.regions) > 1:
            return False
        for first, last in ((a.commissioned_first, b.memorandum_last), (b.commissioned_first, a.memorandum_last)):
            if first is not None and last is not None and last - first > REGRESSION_DAYS:
                return False
        members = self.clusters.members
        t = self.t

        def capacities_agree(unit: int) -> bool:
            rows_a = [i for i in members[ra] if t.unit[i] == unit and t.capacity[i] > 0]
            rows_b = [i for i in members[rb] if t.unit[i] == unit and t.capacity[i] > 0]
            return all(_relative(float(t.capacity[x]), float(t.capacity[y])) <= CAPACITY_CLOSE
                       for x in rows_a for y in rows_b)

        def amounts_agree(currency: int) -> bool:
            rows_a = [i for i in members[ra] if t.currency[i] == currency and t.amount[i] > 0]
            rows_b = [i for i in members[rb] if t.currency[i] == currency and t.amount[i] > 0]
            return all(_relative(float(t.amount[x]), float(t.amount[y])) <= AMOUNT_RESTATED
                       for x in rows_a for y in rows_b)

        if not _figures_agree(a.capacities, b.capacities, CAPACITY_CLOSE, capacities_agree):
            return False
        if not _figures_agree(a.amounts, b.amounts, AMOUNT_RESTATED, amounts_agree):
            return False
        if not self._currencies_agree(a, b) or not self._usd_agree(a, b):
            return False
        return self._evidence_agrees(a, b)

    def _currencies_agree(self, a: _Summary, b: _Summary) -> bool:
        """Amounts in two convertible currencies: bounds over every rate first, the exact pairs when in doubt."""
        t = self.t
        for ca, rows_a in a.by_currency.items():
            for cb, rows_b in b.by_currency.items():
                if ca == cb:
                    continue
                low_a, high_a = self._usd_bounds(a.amounts[ca], ca)
                low_b, high_b = self._usd_bounds(b.amounts[cb], cb)
                if max(_relative(low_a, high_b), _relative(high_a, low_b)) <= AMOUNT_RESTATED - 1e-9:
                    continue
                for x in rows_a:
                    for y in rows_b:
                        difference = amount_difference(t.mentions[x], t.mentions[y], self.rates)
                        if difference is not None and difference > AMOUNT_RESTATED:
                            return False
        return True

    def _usd_bounds(self, low_high: list[float], currency: int) -> tuple[float, float]:
        low_rate, high_rate = self.rates.rate_range(self.t.currency_names[currency])
        return low_high[0] / high_rate, low_high[1] / low_rate

    def _usd_agree(self, a: _Summary, b: _Summary) -> bool:
        """Mentions with a stated USD amount fall back to it: compared pair by pair (rare)."""
        t = self.t
        for x in a.usd:
            for y in b.usd:
                difference = amount_difference(t.mentions[x], t.mentions[y], self.rates)
                if difference is not None and difference > AMOUNT_RESTATED:
                    return False
        return True

    def _evidence_agrees(self, a: _Summary, b: _Summary) -> bool:
        """Sector, country and name contradictions: only pairs that differ there can contradict."""
        for groups_a, groups_b, differ in (
            (a.sectors, b.sectors, None),
            (a.countries, b.countries, None),
            (a.keys, b.keys, self._names_clash),
        ):
            if not groups_a or not groups_b:
                continue
            if differ is None and len(groups_a.keys() | groups_b.keys()) < 2:
                continue
            for ga, rows_a in groups_a.items():
                for gb, rows_b in groups_b.items():
                    if ga == gb or (differ is not None and not differ(ga, gb)):
                        continue
                    for x in rows_a:
                        for y in rows_b:
                            if contradicts(self.compare(x, y)):
                                return False
        return True

    def _names_clash(self, ka: int, kb: int) -> bool:
        return key_similarity(self.t.keys[ka], self.t.keys[kb]) < NAME_MISMATCH


def _as_score(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if number != number else number


def resolve_mentions(
    mentions: Iterable[Mapping[str, object]],
    previous: Mapping[str, str] | None = None,
    corrections: Iterable[Correction] | ResolutionCorrections | None = None,
    rates: Rates | Mapping[tuple[str, int], float] | None = None,
    previous_rows: Iterable[Mapping[str, object]] | None = None,
    failures: list[tuple[str, Exception]] | None = None,
    blocks: list[dict] | None = None,
) -> list[dict]:
    """Assign every mention a deal_id. Returns one dict per mention, sorted by mention_id:
    mention_id, deal_id, rule (why it is in this deal), score (0..1, best evidence linking it to the deal;
    None for a deal of one mention), merged_from (the deal it belonged to before a merge, else None),
    partner_conflict (the deal's mentions name partners that are not spellings of one name).

    `previous`: mention_id -> deal_id from the last run, so ids survive added articles.
    `corrections`: analyst merges and splits (and mention-level field overrides) applied before matching.
    `rates`: local currency per USD by (currency, year), to compare amounts stated in different currencies.
    `failures`: given, a mention that cannot be read (its fields raise) is left out and added here as
    (mention_id, exception), so one bad mention never stops the others; without it the exception propagates.
    `previous_rows`: the last run's output rows (mention_id, deal_id, rule, score). Given, and every mention of
    it still current, the run is incremental: the previous deals are kept as they were and only the new mentions
    are compared, with each other and with the deals' members (a new mention may still join two deals, which is
    then a merge). Without it every mention is compared again (a rebuild, ids kept through `previous`).
    `blocks`: given, the blocks of every mention read (resolution/blocks.py block_of) are added here, by
    mention_id, from the mentions this run built anyway.
    """
    kept_rows = {str(r["mention_id"]): r for r in previous_rows} if previous_rows is not None else None
    if kept_rows is not None:
        previous = {m: str(r["deal_id"]) for m, r in kept_rows.items()}
    previous = dict(previous or {})
    fixes = (
        corrections
        if isinstance(corrections, ResolutionCorrections)
        else ResolutionCorrections.from_corrections(corrections or [])
    )
    rates = rates if isinstance(rates, Rates) else Rates(rates)
    by_id: dict[str, Mention] = {}
    for row in mentions:
        try:
            mention = mention_from_row(fixes.corrected(row))
            _ = (mention.sector, mention.key, mention.stage, mention.order_key)  # derived values raise here, if at all
        except Exception as exc:
            if failures is None:
                raise
            failures.append((str(row["mention_id"]), exc))
            continue
        by_id[mention.mention_id] = mention
    ids = sorted(by_id)
    if blocks is not None:
        blocks.extend(block_of(by_id[m]) for m in ids)
    row_of = {m: i for i, m in enumerate(ids)}
    table = MentionTable([by_id[i] for i in ids], rates)
    split_rows = {row_of[m] for m in fixes.splits if m in row_of}
    include = np.ones(table.n, dtype=bool)
    include[list(split_rows)] = False
    incremental = kept_rows is not None and all(m in row_of for m in kept_rows)
    resolver = _Resolver(table, rates, split_rows)
    rule_of: dict[int, str] = {}
    score_of: dict[int, float] = {}

    def attach(a: int, b: int, rule: str, score: float | None) -> None:
        for m in (a, b):
            if m not in rule_of or rule_of[m] == SINGLETON:
                rule_of[m] = rule
            if score is not None:
                score_of[m] = max(score_of.get(m, 0.0), score)
        resolver.union(a, b)

    focus = None
    if incremental:
        # the previous deals as they were: members joined, rules and scores kept
        first_of: dict[str, int] = {}
        for m, r in kept_rows.items():
            i = row_of[m]
            rule_of[i] = str(r.get("rule") or SINGLETON)
            score = _as_score(r.get("score"))
            if score is not None:
                score_of[i] = score
            deal = previous[m]
            if deal in first_of:
                resolver.union(first_of[deal], i)
            else:
                first_of[deal] = i
        focus = np.ones(table.n, dtype=bool)
        focus[[row_of[m] for m in kept_rows]] = False

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
                attach(row_of[side_a[0]], row_of[m], f"correction_merge:{fix.correction_id}", None)

    # 2. machine links, best evidence first
    left, right = table.candidate_pairs(include, focus)
    rule, score = table.evaluate(left, right)
    linked = np.nonzero(rule > 0)[0]
    left, right, rule, score = left[linked], right[linked], rule[linked], score[linked]
    order = np.lexsort((right, left, -score))
    left, right, rule, score = left[order], right[order], rule[order], score[order]
    weak_link = np.isin(rule, list(UNIQUE_CANDIDATE_RULES))
    find = resolver.clusters.find
    for a, b, r, s in zip(left[~weak_link].tolist(), right[~weak_link].tolist(), rule[~weak_link].tolist(),
                          score[~weak_link].tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb and resolver.compatible(ra, rb):
            attach(a, b, RULES[r], s)

    # 3. weak evidence (no name, or conflicting names) only where it points at exactly one deal
    weak_pairs = list(zip(left[weak_link].tolist(), right[weak_link].tolist(), rule[weak_link].tolist(),
                          score[weak_link].tolist(), strict=True))
    if incremental and weak_pairs:
        # a kept mention that a new one could join weighs all its candidates, old ones included
        touched = np.zeros(table.n, dtype=bool)
        touched[[x for a, b, _, _ in weak_pairs for x in (a, b) if not focus[x]]] = True
        t_left, t_right = table.candidate_pairs(include, touched)
        old = ~focus[t_left] & ~focus[t_right]
        t_left, t_right = t_left[old], t_right[old]
        t_rule, t_score = table.evaluate(t_left, t_right)
        extra = np.nonzero(np.isin(t_rule, list(UNIQUE_CANDIDATE_RULES)))[0]
        weak_pairs += list(zip(t_left[extra].tolist(), t_right[extra].tolist(), t_rule[extra].tolist(),
                               t_score[extra].tolist(), strict=True))
    weak: dict[int, list[tuple[int, int, int, float]]] = defaultdict(list)
    for link in weak_pairs:
        weak[link[0]].append(link)
        weak[link[1]].append(link)
    for m in sorted(weak, key=lambda i: table.mentions[i].order_key):
        own = find(m)
        candidates: dict[int, tuple[int, int, int, float]] = {}
        for link in weak[m]:
            other = link[1] if link[0] == m else link[0]
            root = find(other)
            if root != own and resolver.compatible(own, root):
                best = candidates.get(root)
                if best is None or link[3] > best[3]:
                    candidates[root] = link
        if len(candidates) == 1:
            ((a, b, r, s),) = candidates.values()
            attach(a, b, RULES[r], s)

    # 4. split mentions stay alone; everyone else gets named
    groups = sorted(
        (sorted((ids[i] for i in members), key=lambda i: by_id[i].order_key)
         for members in resolver.clusters.members.values()),
        key=lambda g: by_id[g[0]].order_key,
    )
    deal_of, absorbed_by = _name_deals(groups, previous, correction_destinations)
    partner_conflict = {deal_of[g[0]]: _partners_disagree([by_id[m] for m in g]) for g in groups}
    results = []
    for index, i in enumerate(ids):
        deal_id = deal_of[i]
        before = previous.get(i)
        merged_from = before if before and before != deal_id and before in absorbed_by.get(deal_id, set()) else None
        rule_name = rule_of.get(index, SINGLETON)
        if i in fixes.splits:
            rule_name = f"correction_split:{fixes.splits[i].correction_id}"
        results.append(
            {
                "mention_id": i,
                "deal_id": deal_id,
                "rule": rule_name,
                "score": score_of.get(index),
                "merged_from": merged_from,
                "partner_conflict": partner_conflict[deal_id],
            }
        )
    return results


def _partners_disagree(group: list[Mention]) -> bool:
    """True when two mentions of one deal name partners that are not spellings of one name."""
    keys = list(dict.fromkeys(m.key for m in group if m.key))  # one name's spellings share a key: compare keys
    return any(key_similarity(a, b) < NAME_STRONG for i, a in enumerate(keys) for b in keys[i + 1:])


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
