"""Candidate pairs by blocking, and their evidence for many pairs at once (numpy).

The rules in resolution.resolve decide on one pair at a time (`compare`, `contradicts`, `link_rule`). Deciding
every pair of a region is quadratic, and most pairs are plainly different, so:

1. Blocking: a pair can only be linked when (a) both name a partner and the names are at least NAME_MEDIUM
   alike, in one region (or one side's region unknown), with amounts within AMOUNT_RESTATED; or (b) they share
   district and OKED division with amounts within AMOUNT_CLOSE (the unnamed / conflicting-name rules). Within a
   block, mentions are sorted by amount (a log-USD interval that covers every annual rate of the currency) and
   only a window is paired: the sorted-neighbourhood method, exact because a pair outside the window would be
   contradicted by its amounts. Mentions whose amount cannot be placed compare with their whole block.
2. Evaluation: the evidence of all candidate pairs is computed column-wise with the same arithmetic as
   `evidence.compare` (same float operations, so the same values), then `contradicts` and `link_rule` as masks.
   tests/resolution/test_scaling.py checks the columns against the scalar functions on random mentions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np

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
    Mention,
    Rates,
)
from resolution.names import key_similarity, similar_key_pairs

# link rules by code; 0 = no link
RULES: tuple[str | None, ...] = (
    None,
    "partner_name",
    "partner_name_place_conflict",
    "partner_name_partial",
    "unnamed_unique_candidate",
    "partner_conflict_unique_candidate",
)
UNIQUE_CANDIDATE_RULES = frozenset({4, 5})

_EPS = 1e-9
# Sorted neighbourhood: in a block, a mention is paired with at most this many neighbours on either side in amount
# order (among those within the amount tolerance). Exact while no block holds more mentions within one amount band;
# only generated corpora of near-duplicates do, and there it keeps the work linear.
NEIGHBOURS = 40


def _codes(values: Sequence[object]) -> np.ndarray:
    """Equal values get equal codes; None gets -1."""
    table: dict[object, int] = {}
    return np.fromiter(
        (-1 if v is None else table.setdefault(v, len(table)) for v in values), dtype=np.int64, count=len(values)
    )


def _floats(values: Sequence[float | None]) -> np.ndarray:
    return np.fromiter((np.nan if v is None else v for v in values), dtype=np.float64, count=len(values))


class MentionTable:
    """The compared fields of mentions as columns; row i is mentions[i]."""

    def __init__(self, mentions: Sequence[Mention], rates: Rates) -> None:
        self.mentions = list(mentions)
        self.rates = rates
        ms = self.mentions
        self.n = len(ms)
        self.article = _codes([m.article_id for m in ms])
        self.region = _codes([m.region_kato for m in ms])
        self.district = _codes([m.district_kato for m in ms])
        self.sector = _codes([m.sector for m in ms])
        self.country = _codes([m.partner_country for m in ms])
        self.unit = _codes([m.capacity_unit for m in ms])
        key_codes: dict[tuple[str, ...], int] = {}
        self.key = np.fromiter(
            (key_codes.setdefault(m.key, len(key_codes)) if m.key else -1 for m in ms), dtype=np.int64, count=self.n
        )
        self.keys: list[tuple[str, ...]] = list(key_codes)
        self.amount = _floats([m.amount for m in ms])
        self.amount_usd = _floats([m.amount_usd for m in ms])
        self.capacity = _floats([m.capacity_value for m in ms])
        currencies = [m.currency.upper() if m.currency else None for m in ms]
        self.currency = _codes(currencies)
        self.currency_names: list[str] = list(dict.fromkeys(c for c in currencies if c is not None))
        self.published = np.fromiter(
            (m.published.toordinal() if m.published else -1 for m in ms), dtype=np.int64, count=self.n
        )
        self.year = np.fromiter((m.published.year if m.published else -1 for m in ms), dtype=np.int64, count=self.n)
        self.stage = np.fromiter((m.stage or 0 for m in ms), dtype=np.int64, count=self.n)
        self._rate_table()
        self._amount_intervals()

    def _rate_table(self) -> None:
        """rate[currency code, year - first_year]: what Rates.to_usd divides by (1 for USD, NaN if unknown)."""
        today = date.today().year
        known = self.year[self.year >= 0]
        self.first_year = int(min(known.min(), today)) if known.size else today
        last_year = int(max(known.max(), today)) if known.size else today
        self.today = today
        years = range(self.first_year, last_year + 1)
        table = np.full((max(1, len(self.currency_names)), len(years)), np.nan)
        for c, name in enumerate(self.currency_names):
            for y, year in enumerate(years):
                rate = 1.0 if name == "USD" else self.rates.rate(name, year)
                table[c, y] = np.nan if rate is None else rate
        self.rate = table
        self.convertible = np.array([self.rates.convertible(c) for c in self.currency_names] or [False])

    def _amount_intervals(self) -> None:
        """log-USD bounds of each amount over every rate of its currency; NaN where it cannot be placed."""
        lo = np.full(self.n, np.nan)
        hi = np.full(self.n, np.nan)
        ranges = [self.rates.rate_range(c) if self.rates.convertible(c) else None for c in self.currency_names]
        for i in np.nonzero((self.amount > 0) & (self.currency >= 0))[0]:
            bounds = ranges[self.currency[i]]
            if bounds is not None:
                lo[i] = math.log(self.amount[i] / bounds[1])
                hi[i] = math.log(self.amount[i] / bounds[0])
        self.lo, self.hi = lo, hi

    # -- candidates -------------------------------------------------------------------------------------------

    def candidate_pairs(self, include: np.ndarray, focus: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(left, right), left < right: every pair a link rule could accept (a superset), once each. Only rows in
        `include`; with `focus`, only pairs with at least one row in focus."""
        found: list[tuple[np.ndarray, np.ndarray]] = []
        restated = -math.log(1 - AMOUNT_RESTATED) + _EPS
        close = -math.log(1 - AMOUNT_CLOSE) + _EPS
        named = include & (self.key >= 0)
        unknown = named & (self.region < 0)
        regions = np.unique(self.region[named & (self.region >= 0)])
        for r in regions:
            block = named & ((self.region == r) | unknown)
            found += self._name_block(np.nonzero(block)[0], restated, focus, drop_unknown_pairs=True)
        if unknown.any():
            found += self._name_block(np.nonzero(unknown)[0], restated, focus, drop_unknown_pairs=False)
        placed = include & (self.district >= 0) & (self.sector >= 0) & (
            (self.amount > 0) | ~np.isnan(self.amount_usd)
        )
        rows = np.nonzero(placed)[0]
        if rows.size:
            block_key = self.district[rows] * (int(self.sector.max()) + 1) + self.sector[rows]
            order = np.argsort(block_key, kind="stable")
            rows, block_key = rows[order], block_key[order]
            starts = np.flatnonzero(np.r_[True, block_key[1:] != block_key[:-1]])
            for members in np.split(rows, starts[1:]):
                if members.size > 1:
                    found.append(self._window(members, close, focus))
        if not found:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        left = np.concatenate([p[0] for p in found])
        right = np.concatenate([p[1] for p in found])
        codes = np.sort(left * self.n + right)
        codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if codes.size else codes
        return codes // self.n, codes % self.n

    def _name_block(
        self, rows: np.ndarray, d: float, focus: np.ndarray | None, drop_unknown_pairs: bool
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        """Pairs of a region whose partner names are at least NAME_MEDIUM alike and amounts within reach."""
        out: list[tuple[np.ndarray, np.ndarray]] = []
        keys, inverse = np.unique(self.key[rows], return_inverse=True)
        order = np.argsort(inverse, kind="stable")
        starts = np.flatnonzero(np.r_[True, inverse[order][1:] != inverse[order][:-1]])
        groups = np.split(rows[order], starts[1:])
        for members in groups:
            if members.size > 1:
                out.append(self._window(members, d, focus))
        for a, b, _ in similar_key_pairs([self.keys[k] for k in keys.tolist()], NAME_MEDIUM):
            both = np.concatenate([groups[a], groups[b]])
            left, right = self._window(both, d, focus)
            side = np.zeros(self.n, dtype=bool)
            side[groups[a]] = True
            cross = side[left] != side[right]
            out.append((left[cross], right[cross]))
        if drop_unknown_pairs:
            known = self.region >= 0
            out = [(left[known[left] | known[right]], right[known[left] | known[right]]) for left, right in out]
        return out

    def _window(self, rows: np.ndarray, d: float, focus: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """Pairs of `rows` whose amount intervals come within d (log), at most NEIGHBOURS apart in amount order.

        Rows without an amount interval pair with the whole block when it is small (at most 2 * NEIGHBOURS + 1
        rows), else with the NEIGHBOURS nearest on either side in publication order.
        """
        placed = ~np.isnan(self.lo[rows])
        tame, wild = rows[placed], rows[~placed]
        order = np.argsort(self.lo[tame], kind="stable")
        tame = tame[order]
        lo, hi = self.lo[tame], self.hi[tame]
        positions = np.arange(tame.size)
        end = np.minimum(np.searchsorted(lo, hi + d, side="right"), positions + 1 + NEIGHBOURS)
        counts = end - positions - 1
        first = np.repeat(positions, counts)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        parts_i, parts_j = [tame[first]], [tame[first + 1 + offsets]]
        if wild.size and rows.size <= 2 * NEIGHBOURS + 1:
            everyone = np.concatenate([tame, wild])
            wi = np.repeat(wild, everyone.size)
            wj = np.tile(everyone, wild.size)
            keep = wi != wj
            parts_i.append(wi[keep])
            parts_j.append(wj[keep])
        elif wild.size:
            by_date = rows[np.lexsort((rows, self.published[rows]))]
            at = np.nonzero(np.isnan(self.lo[by_date]))[0]
            for step in range(1, NEIGHBOURS + 1):
                for other in (at - step, at + step):
                    ok = (other >= 0) & (other < by_date.size)
                    parts_i.append(by_date[at[ok]])
                    parts_j.append(by_date[other[ok]])
        left, right = np.concatenate(parts_i), np.concatenate(parts_j)
        if focus is not None:
            keep = focus[left] | focus[right]
            left, right = left[keep], right[keep]
        return np.minimum(left, right), np.maximum(left, right)

    # -- evidence ---------------------------------------------------------------------------------------------

    def amount_difference(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """evidence.amount_difference for many pairs; NaN where it is None."""
        ai, aj = self.amount[left], self.amount[right]
        ci, cj = self.currency[left], self.currency[right]
        both = (ai > 0) & (aj > 0)
        same_currency = both & (ci >= 0) & (ci == cj)
        convert = both & ~same_currency
        year = np.maximum(self.year[left], self.year[right])
        year = np.where(year >= 0, year, self.today) - self.first_year
        ri = np.where(ci >= 0, self.rate[np.maximum(ci, 0), year], np.nan)
        rj = np.where(cj >= 0, self.rate[np.maximum(cj, 0), year], np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            xi, xj = ai / ri, aj / rj
            converted = convert & ~np.isnan(xi) & ~np.isnan(xj)
            x = np.where(same_currency, ai, np.where(converted, xi, self.amount_usd[left]))
            y = np.where(same_currency, aj, np.where(converted, xj, self.amount_usd[right]))
            valid = (x > 0) & (y > 0)
            diff = np.abs(x - y) / np.maximum(x, y)
        return np.where(valid, diff, np.nan)

    def capacity_difference(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        vi, vj = self.capacity[left], self.capacity[right]
        valid = (self.unit[left] >= 0) & (self.unit[left] == self.unit[right]) & (vi > 0) & (vj > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            diff = np.abs(vi - vj) / np.maximum(vi, vj)
        return np.where(valid, diff, np.nan)

    def name_similarity(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        ki, kj = self.key[left], self.key[right]
        known = (ki >= 0) & (kj >= 0)
        out = np.full(left.size, np.nan)
        if known.any():
            width = len(self.keys)
            codes, inverse = np.unique(ki[known] * width + kj[known], return_inverse=True)
            sims = np.array([key_similarity(self.keys[c // width], self.keys[c % width]) for c in codes.tolist()])
            out[known] = sims[inverse]
        return out

    def evaluate(self, left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(rule code per pair (0: no link), score per pair (NaN where no link)): link_rule and Comparison.score."""
        def flag(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            a, b = column[left], column[right]
            known = (a >= 0) & (b >= 0)
            return known & (a == b), known & (a != b)

        name = self.name_similarity(left, right)
        amount = self.amount_difference(left, right)
        capacity = self.capacity_difference(left, right)
        nk, ak, ck = ~np.isnan(name), ~np.isnan(amount), ~np.isnan(capacity)
        name0, amount0, capacity0 = np.nan_to_num(name), np.nan_to_num(amount), np.nan_to_num(capacity)
        _, region_false = flag(self.region)
        region_unknown = (self.region[left] < 0) | (self.region[right] < 0)
        district_true, district_false = flag(self.district)
        sector_true, sector_false = flag(self.sector)
        _, country_false = flag(self.country)
        si, sj = self.stage[left], self.stage[right]
        stages_differ = (si > 0) & (sj > 0) & (si != sj)
        pi, pj = self.published[left], self.published[right]
        dated = (pi >= 0) & (pj >= 0)
        commissioned, memorandum = STAGE_RANK["commissioned"], STAGE_RANK["memorandum"]
        regression = dated & (
            ((si == commissioned) & (sj == memorandum) & (pj - pi > REGRESSION_DAYS))
            | ((sj == commissioned) & (si == memorandum) & (pi - pj > REGRESSION_DAYS))
        )
        same_article = self.article[left] == self.article[right]

        strong = nk & (name0 >= NAME_STRONG)
        exact_amount = ak & (amount0 <= AMOUNT_EXACT)
        same_partner_same_figure = strong & ~district_false & exact_amount
        strict = district_true & sector_true & exact_amount & ~country_false & (~ck | (capacity0 <= CAPACITY_CLOSE))
        contradicts = (
            same_article | region_false | regression
            | (sector_false & ~same_partner_same_figure)
            | (ck & (capacity0 > CAPACITY_CLOSE))
            | (ak & (amount0 > AMOUNT_RESTATED))
            | (country_false & ~strong)
            | (nk & (name0 < NAME_MISMATCH) & ~strict)
        )
        amount_ok = ak & (amount0 <= np.where(stages_differ, AMOUNT_RESTATED, AMOUNT_CLOSE))
        capacity_same = ck & (capacity0 <= CAPACITY_CLOSE)
        close_amount = ak & (amount0 <= AMOUNT_CLOSE)
        rule = np.zeros(left.size, dtype=np.int8)
        strong_ok = strong & ~(region_unknown & ~amount_ok)
        place_conflict = strong_ok & district_false & close_amount & sector_true
        plain = strong_ok & ~district_false & np.where(ak, amount_ok, district_true | capacity_same)
        medium = nk & ~strong & (name0 >= NAME_MEDIUM)
        partial = medium & district_true & ~sector_false & (amount_ok | capacity_same)
        weak_name = ~nk | (name0 < NAME_MEDIUM)
        unnamed = ~nk & district_true & sector_true & close_amount & ~country_false
        conflict = nk & weak_name & strict
        rule[plain] = 1
        rule[place_conflict] = 2
        rule[partial] = 3
        rule[unnamed] = 4
        rule[conflict] = 5
        rule[contradicts] = 0
        return rule, self._score(rule > 0, left, right, name, amount, capacity)

    def _score(self, linked: np.ndarray, left: np.ndarray, right: np.ndarray, name: np.ndarray, amount: np.ndarray,
               capacity: np.ndarray) -> np.ndarray:
        """Comparison.score of the linked pairs (the same sums in the same order, rounded as Python rounds)."""
        left, right = left[linked], right[linked]
        name, amount, capacity = name[linked], amount[linked], capacity[linked]
        total = np.zeros(left.size)
        count = np.zeros(left.size)
        parts = [name, np.maximum(0.0, 1.0 - amount), np.maximum(0.0, 1.0 - capacity)]
        for column in (self.district, self.sector):
            a, b = column[left], column[right]
            parts.append(np.where((a >= 0) & (b >= 0), (a == b).astype(np.float64), np.nan))
        for part in parts:
            present = ~np.isnan(part)
            total = np.where(present, total + np.nan_to_num(part), total)
            count += present
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        score = np.where(count > 0, np.round(mean, 4), 0.0)
        # np.round scales by 10**4 first, which can tip a value sitting on a half: round those as Python does
        scaled = mean * 1e4
        doubtful = np.nonzero((count > 0) & (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6))[0]
        for k in doubtful.tolist():
            score[k] = round(float(mean[k]), 4)
        out = np.full(linked.size, np.nan)
        out[linked] = score
        return out
