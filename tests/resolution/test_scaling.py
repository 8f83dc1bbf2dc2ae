"""Resolution at scale: blocking, column-wise evidence and the cluster summaries give the results of comparing
every pair; an incremental run compares only the new mentions; the work grows linearly (no timing asserts)."""

import random
from collections import defaultdict
from datetime import date, timedelta

import numpy as np
import pytest

from resolution import Rates, resolve_mentions
from resolution.evidence import NAME_MEDIUM, compare, mention_from_row
from resolution.names import company_key, key_similarity, similar_key_pairs, similar_keys
from resolution.pairs import NEIGHBOURS, RULES, MentionTable
from resolution.resolve import SINGLETON, _name_deals, _partners_disagree, contradicts, link_rule

RATES = Rates({("KZT", 2024): 470.0, ("KZT", 2025): 520.0, ("KZT", 2026): 505.0, ("EUR", 2025): 0.9,
               ("CNY", 2025): 7.1})
NAMES = ["Hansol Paper", "Хансол Пэйпер", "Hansol Paper Co., Ltd.", "Kokshe Metall", "Кокше Металл",
         "Bergmann Anlagenbau GmbH", "Бергманн Анлагенбау", "Ganesh Polymers", "Sunpeak", "Санпик", "ТОО", None, None]
PLACES = {"230000000": ["235600000", "234000000", None], "750000000": ["751110000", None]}
STATUSES = ["memorandum", "agreement", "construction", "commissioned", None]


def random_mentions(seed: int, count: int) -> list[dict]:
    rnd = random.Random(seed)
    rows = []
    for k in range(count):
        region = rnd.choice([*PLACES, *PLACES, None])
        district = rnd.choice(PLACES[region]) if region else None
        currency = rnd.choice(["USD", "KZT", "EUR", "CNY", None])
        usd = rnd.choice([10e6, 50e6, 100e6]) * rnd.uniform(0.8, 1.25)
        per_usd = {"USD": 1, "KZT": 500, "EUR": 0.9, "CNY": 7.1, None: 1}[currency]
        amount = None if rnd.random() < 0.2 else round(usd * per_usd, -4)
        has_capacity = rnd.random() < 0.3
        rows.append({
            "mention_id": f"m{seed}_{k:03d}",
            "article_id": f"a{seed}_{k // 2 if rnd.random() < 0.3 else 1000 + k}",
            "published_date": date(2024, 1, 1) + timedelta(days=rnd.randrange(900)),
            "partner_name": rnd.choice(NAMES),
            "partner_country": rnd.choice([None, None, "KR", "CN"]),
            "region_kato": region,
            "district_kato": district,
            "oked": rnd.choice(["24.20", "24.10", "10.51", None]),
            "amount": amount,
            "currency": currency if amount else None,
            "amount_usd": usd if rnd.random() < 0.1 else None,
            "status": rnd.choice(STATUSES),
            "capacity_value": rnd.choice([100, 105, 150]) if has_capacity else None,
            "capacity_unit": "t/day" if has_capacity else None,
        })
    return rows


def reference_resolve(rows: list[dict], rates: Rates) -> list[dict]:
    """The resolution as first written: every pair compared, every member pair checked before a merge."""
    by_id = {m.mention_id: m for m in map(mention_from_row, rows)}
    ids = sorted(by_id)
    parent = {i: i for i in ids}
    members = {i: [i] for i in ids}
    rule_of: dict[str, str] = {}
    score_of: dict[str, float] = {}

    def find(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    def compatible(ra: str, rb: str) -> bool:
        return not any(contradicts(compare(by_id[x], by_id[y], rates)) for x in members[ra] for y in members[rb])

    def attach(a: str, b: str, rule: str, score: float) -> None:
        for m in (a, b):
            if m not in rule_of or rule_of[m] == SINGLETON:
                rule_of[m] = rule
            score_of[m] = max(score_of.get(m, 0.0), score)
        ra, rb = find(a), find(b)
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))

    links = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            c = compare(by_id[a], by_id[b], rates)
            found = link_rule(c)
            if found:
                links.append((-c.score(), a, b, found[0], found[1], c.score()))
    links.sort()
    for _, a, b, rule, unique, score in links:
        if not unique and find(a) != find(b) and compatible(find(a), find(b)):
            attach(a, b, rule, score)
    weak = defaultdict(list)
    for link in (k for k in links if k[4]):
        weak[link[1]].append(link)
        weak[link[2]].append(link)
    for m in sorted(weak, key=lambda i: by_id[i].order_key):
        candidates: dict[str, tuple] = {}
        for link in weak[m]:
            root = find(link[2] if link[1] == m else link[1])
            if root != find(m) and compatible(find(m), root):
                if root not in candidates or link[5] > candidates[root][5]:
                    candidates[root] = link
        if len(candidates) == 1:
            (link,) = candidates.values()
            attach(link[1], link[2], link[3], link[5])
    groups = sorted((sorted(g, key=lambda i: by_id[i].order_key) for g in members.values()),
                    key=lambda g: by_id[g[0]].order_key)
    deal_of, _ = _name_deals(groups, {}, set())
    conflict = {deal_of[g[0]]: _partners_disagree([by_id[m] for m in g]) for g in groups}
    return [{"mention_id": i, "deal_id": deal_of[i], "rule": rule_of.get(i, SINGLETON), "score": score_of.get(i),
             "merged_from": None, "partner_conflict": conflict[deal_of[i]]} for i in ids]


@pytest.mark.parametrize("seed", range(6))
def test_the_column_wise_evidence_is_the_pairwise_evidence(seed: int) -> None:
    mentions = sorted(map(mention_from_row, random_mentions(seed, 70)), key=lambda m: m.mention_id)
    table = MentionTable(mentions, RATES)
    left, right = np.triu_indices(len(mentions), k=1)
    rule, score = table.evaluate(left, right)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        c = compare(mentions[i], mentions[j], RATES)
        found = link_rule(c)
        assert RULES[rule[k]] == (found[0] if found else None), (mentions[i], mentions[j], c)
        if found:
            assert score[k] == c.score()


@pytest.mark.parametrize("seed", range(6))
def test_blocking_finds_every_pair_a_rule_links(seed: int) -> None:
    mentions = sorted(map(mention_from_row, random_mentions(seed, 70)), key=lambda m: m.mention_id)
    table = MentionTable(mentions, RATES)
    left, right = table.candidate_pairs(np.ones(len(mentions), dtype=bool))
    candidates = set(zip(left.tolist(), right.tolist(), strict=True))
    assert len(candidates) == left.size  # each pair once
    for i in range(len(mentions)):
        for j in range(i + 1, len(mentions)):
            if link_rule(compare(mentions[i], mentions[j], RATES)):
                assert (i, j) in candidates, (mentions[i], mentions[j])


@pytest.mark.parametrize("seed", range(8))
def test_resolution_gives_what_comparing_every_pair_gives(seed: int) -> None:
    rows = random_mentions(100 + seed, 60)
    assert resolve_mentions(rows, rates=RATES) == reference_resolve(rows, RATES)


def test_an_incremental_run_compares_only_the_new_mentions_and_keeps_every_other_id(monkeypatch) -> None:
    rows = random_mentions(7, 80)
    new = {"mention_id": "m7_new", "article_id": "new-article", "published_date": date(2026, 1, 5),
           "partner_name": "Хансол Пэйпер", "partner_country": "KR", "region_kato": "230000000",
           "district_kato": "235600000", "oked": "17.12", "amount": 48e6, "currency": "USD", "status": "agreement",
           "capacity_value": None, "capacity_unit": None}
    first = resolve_mentions(rows, rates=RATES)
    evaluated: list[tuple[int, int]] = []
    evaluate = MentionTable.evaluate

    def spy(self, left, right):
        evaluated.extend((self.mentions[i].mention_id, self.mentions[j].mention_id)
                         for i, j in zip(left.tolist(), right.tolist(), strict=True))
        return evaluate(self, left, right)

    monkeypatch.setattr(MentionTable, "evaluate", spy)
    second = resolve_mentions([*rows, new], previous_rows=first, rates=RATES)
    assert evaluated and all("m7_new" in pair for pair in evaluated)
    joined = next(r for r in second if r["mention_id"] == "m7_new")
    assert joined["deal_id"] in {r["deal_id"] for r in first}  # the new outlet joined an existing deal
    assert joined["rule"] == "partner_name"
    before = {r["mention_id"]: r for r in first}
    for row in second:
        if row["mention_id"] == "m7_new":
            continue
        assert row["deal_id"] == before[row["mention_id"]]["deal_id"]
        if row["deal_id"] != joined["deal_id"]:
            assert row == before[row["mention_id"]]  # deals the new mention did not join are untouched


def test_a_new_mention_that_proves_two_deals_are_one_merges_them_in_an_incremental_run() -> None:
    base = {"region_kato": "230000000", "district_kato": "235600000", "oked": "24.20", "status": "agreement"}
    unnamed = {**base, "mention_id": "a", "article_id": "a", "published_date": date(2025, 1, 1), "amount": 60e6,
               "currency": "USD"}
    named = {**base, "mention_id": "b", "article_id": "b", "published_date": date(2025, 3, 1),
             "partner_name": "Kokshe Metall", "capacity_value": 90_000, "capacity_unit": "t/year"}
    bridge = {**base, "mention_id": "c", "article_id": "c", "published_date": date(2025, 4, 1),
              "partner_name": "Кокше Металл", "amount": 61e6, "currency": "USD", "capacity_value": 90_000,
              "capacity_unit": "t/year"}
    first = resolve_mentions([unnamed, named], rates=RATES)
    incremental = resolve_mentions([unnamed, named, bridge], previous_rows=first, rates=RATES)
    rebuilt = resolve_mentions([unnamed, named, bridge], previous={r["mention_id"]: r["deal_id"] for r in first},
                               rates=RATES)
    assert incremental == rebuilt
    assert {r["deal_id"] for r in incremental} == {"deal_a"}
    assert next(r for r in incremental if r["mention_id"] == "b")["merged_from"] == "deal_b"


def test_a_dense_block_of_near_duplicates_costs_a_window_per_mention_not_the_whole_block() -> None:
    rnd = random.Random(3)
    rows = [{"mention_id": f"d{k:05d}", "article_id": f"article{k}", "published_date": date(2025, 1, 1)
             + timedelta(days=rnd.randrange(700)), "partner_name": rnd.choice(["Hansol Paper", "Хансол Пэйпер"]),
             "region_kato": "230000000", "district_kato": rnd.choice(["235600000", None]), "oked": "17.12",
             "amount": None if k % 10 == 0 else rnd.uniform(2, 950) * 1e6, "currency": "USD",
             "status": rnd.choice(STATUSES)} for k in range(6000)]
    mentions = sorted(map(mention_from_row, rows), key=lambda m: m.mention_id)
    table = MentionTable(mentions, RATES)
    left, _ = table.candidate_pairs(np.ones(len(mentions), dtype=bool))
    # two name groups (one key) and one district block: each mention meets at most 2 * NEIGHBOURS per window
    assert left.size <= len(mentions) * 2 * NEIGHBOURS * 3
    assert left.size < len(mentions) * (len(mentions) - 1) / 2 / 20
    result = resolve_mentions(rows, rates=RATES)
    assert len(result) == len(rows)
    by_deal = defaultdict(list)
    for r in result:
        by_deal[r["deal_id"]].append(r["mention_id"])
    amounts = {r["mention_id"]: r["amount"] for r in rows}
    for members in by_deal.values():  # no deal spans amounts more than 30% apart, however dense the block
        known = [amounts[m] for m in members if amounts[m] is not None]
        assert not known or min(known) >= 0.7 * max(known) - 1e-6


def test_scoring_many_names_at_once_finds_the_pairs_comparing_each_pair_finds() -> None:
    rnd = random.Random(5)
    syllables = ["han", "sol", "kok", "she", "met", "all", "sun", "peak", "ber", "gman", "jin", "lun", "tsz", "kh"]
    names = {" ".join("".join(rnd.choice(syllables) for _ in range(rnd.randint(1, 3)))
                      for _ in range(rnd.randint(1, 3))) for _ in range(150)}
    keys = sorted({company_key(n) for n in names if company_key(n)})
    assert len(keys) > 100  # the rapidfuzz cdist path
    expected = [(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))
                if key_similarity(keys[i], keys[j]) >= NAME_MEDIUM]
    assert [(i, j) for i, j, _ in similar_key_pairs(keys, NAME_MEDIUM)] == expected


def test_the_keys_similar_to_a_few_among_many_are_those_comparing_each_pair_finds() -> None:
    rnd = random.Random(11)
    syllables = ["han", "sol", "kok", "she", "met", "all", "sun", "peak", "ber", "gman", "jin", "lun", "tsz", "kh"]
    keys = sorted({company_key(" ".join("".join(rnd.choice(syllables) for _ in range(rnd.randint(1, 3)))
                                        for _ in range(rnd.randint(1, 3)))) for _ in range(400)} - {()})
    queries = rnd.sample(keys, 30)
    assert len(queries) * len(keys) > 48 * 48  # the rapidfuzz cdist path
    expected = {k for k in keys if any(key_similarity(q, k) >= NAME_MEDIUM for q in queries)}
    assert similar_keys(queries, keys, NAME_MEDIUM) == expected
    assert set(queries) <= expected


def _worlds(seed: int, count: int) -> list[dict]:
    """Mentions of several separate regions (each world's places get their own codes; names are shared, and a
    mention of unknown region reaches every world by name)."""
    rows = []
    for world in range(1, 5):
        for row in random_mentions(seed * 10 + world, count):
            recoded = {k: f"{world}{row[k][1:]}" if row[k] else row[k] for k in ("region_kato", "district_kato")}
            rows.append({**row, **recoded})
    return rows


def _scoped_and_full(tmp_path, rows: list[dict], new_ids: set[str], first: list[dict]):
    """An incremental run on the block scope the warehouse picks, and one that loads every mention: (the loaded
    mention ids, the scoped run's rows, the other run's rows)."""
    import pandas as pd

    import warehouse
    from resolution.blocks import block_probes, mention_blocks
    from resolution.corrections import ResolutionCorrections
    from warehouse import resolutions
    from warehouse.db import insert_frame

    old = [r for r in rows if r["mention_id"] not in new_ids]
    no_corrections = ResolutionCorrections()
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        stored = pd.DataFrame(first).assign(resolver_version="test", resolved_at=pd.Timestamp("2026-01-01"))
        insert_frame(con, "raw.mention_resolution", stored)
        insert_frame(con, "state.mention_blocks", pd.DataFrame(mention_blocks(old, no_corrections)))
        new_blocks = mention_blocks([r for r in rows if r["mention_id"] in new_ids], no_corrections)
        scope = set(resolutions.block_scope(con, new_blocks, block_probes))
    loaded = scope | new_ids
    scoped = resolve_mentions([r for r in rows if r["mention_id"] in loaded],
                              previous_rows=[r for r in first if r["mention_id"] in scope], rates=RATES)
    return loaded, scoped, resolve_mentions(rows, previous_rows=first, rates=RATES)


@pytest.mark.parametrize("seed", range(10))
def test_an_incremental_run_on_the_block_scope_gives_what_loading_every_mention_gives(seed: int, tmp_path) -> None:
    rows = _worlds(seed, 40)
    new_ids = {r["mention_id"] for r in random.Random(seed).sample(rows, 6)}
    first = resolve_mentions([r for r in rows if r["mention_id"] not in new_ids], rates=RATES)
    loaded, scoped, everything = _scoped_and_full(tmp_path, rows, new_ids, first)
    assert scoped == [r for r in everything if r["mention_id"] in loaded]
    before = {r["mention_id"]: r for r in first}
    assert all(r == before[r["mention_id"]] for r in everything if r["mention_id"] not in loaded)
    assert len(loaded) < len(rows) - len(new_ids)  # the scope is not simply everything


def test_a_new_mention_does_not_take_the_id_of_a_deal_it_once_founded_outside_its_blocks(tmp_path) -> None:
    base = {"published_date": date(2025, 3, 1), "oked": "24.20", "currency": "USD", "status": "agreement"}
    steel = {**base, "region_kato": "230000000", "district_kato": "235600000", "partner_name": "Kokshe Metall"}
    old = [{**steel, "mention_id": "a1", "article_id": "a1", "amount": 60e6},
           {**steel, "mention_id": "b1", "article_id": "b1", "amount": 61e6}]
    # x1 named this deal once and has since left it (its article was edited); now it is back, somewhere else
    first = [{**r, "deal_id": "deal_x1"} for r in resolve_mentions(old, rates=RATES)]
    back = {**base, "mention_id": "x1", "article_id": "x1", "region_kato": "750000000",
            "district_kato": "751110000", "partner_name": "Sunpeak", "oked": "35.11", "amount": 5e6}
    loaded, scoped, everything = _scoped_and_full(tmp_path, [*old, back], {"x1"}, first)
    assert loaded == {"a1", "b1", "x1"}
    assert scoped == everything
    assert {r["mention_id"]: r["deal_id"] for r in scoped} == {"a1": "deal_x1", "b1": "deal_x1", "x1": "deal_x1~1"}


def test_both_weak_rules_need_the_same_district_and_sector() -> None:
    """warehouse/resolutions.py block_scope loads one ring of blocks around the new mentions; a weak link weighs the
    other candidates of the kept mention it joins, which is exact only while those share its place block."""
    rows = random_mentions(21, 120)
    mentions = [mention_from_row(r) for r in rows]
    weak_seen = 0
    for i, a in enumerate(mentions):
        for b in mentions[i + 1:]:
            c = compare(a, b, RATES)
            found = link_rule(c)
            if found is not None and found[1]:
                weak_seen += 1
                assert c.district is True and c.sector is True
    assert weak_seen > 0


def test_names_that_share_words_find_the_pairs_comparing_each_pair_finds() -> None:
    """The token-set bound is scored pair by pair only where keys share a token (elsewhere it is the token-sort
    ratio of the distinct tokens): names built from a small pool of words, some twice, share tokens everywhere."""
    rnd = random.Random(17)
    words = ["Kamiro", "Tanbek", "Solvel", "Nurdar", "Gorlin", "Zhapet", "Olus", "Sentau", "Berkul", "Maresh"]
    keys = sorted({company_key(" ".join(rnd.choices(words, k=rnd.randint(1, 3))) + rnd.choice(["", " Torain", " Q"]))
                   for _ in range(400)} - {()})
    assert len(keys) > 48  # the rapidfuzz cdist path
    expected = [(i, j) for i in range(len(keys)) for j in range(i + 1, len(keys))
                if key_similarity(keys[i], keys[j]) >= NAME_MEDIUM]
    assert [(i, j) for i, j, _ in similar_key_pairs(keys, NAME_MEDIUM)] == expected
    queries = keys[::7]
    assert similar_keys(queries, keys, NAME_MEDIUM) == {
        k for k in keys if any(key_similarity(q, k) >= NAME_MEDIUM for q in queries)}


def test_the_token_set_ratio_of_texts_without_a_common_token_is_the_token_sort_ratio_of_their_distinct_tokens():
    from rapidfuzz import fuzz

    rnd = random.Random(19)
    letters = "abdeghiklmnorstuz"
    compared = 0
    for _ in range(20000):
        a, b = (" ".join("".join(rnd.choice(letters) for _ in range(rnd.randint(1, 4)))
                         for _ in range(rnd.randint(1, 4))) for _ in range(2))
        if set(a.split()) & set(b.split()):
            continue
        compared += 1
        distinct_a, distinct_b = (" ".join(sorted(set(t.split()))) for t in (a, b))
        # equal but for the last bit of a float (the bound allows 1e-3)
        assert fuzz.token_set_ratio(a, b) == pytest.approx(fuzz.token_sort_ratio(distinct_a, distinct_b), abs=1e-9)
    assert compared > 10000
