"""Resolution rules: which mentions are one deal, and deal ids that stay put as articles arrive."""

import random
from datetime import date

from resolution import Rates, deal_merges, parse_corrections, resolve_mentions

# invented companies and places; KATO codes are real (Atyrau region, Makhambet and Isatai districts)
ATYRAU, MAKHAMBET, ISATAI = "230000000", "235600000", "234000000"
RATES = Rates({("KZT", 2024): 470.0, ("KZT", 2025): 520.0, ("EUR", 2025): 0.9})


def mention(mention_id: str, **fields) -> dict:
    row = {
        "mention_id": mention_id,
        "article_id": f"article-{mention_id}",
        "published_date": date(2025, 5, 1),
        "partner_name": None,
        "partner_country": None,
        "region_kato": ATYRAU,
        "district_kato": MAKHAMBET,
        "oked": "24.20",
        "amount": None,
        "currency": None,
        "status": "agreement",
        "capacity_value": None,
        "capacity_unit": None,
    }
    row.update(fields)
    return row


def deals(assignments: list[dict]) -> dict[str, str]:
    return {a["mention_id"]: a["deal_id"] for a in assignments}


def groups(assignments: list[dict]) -> set[frozenset[str]]:
    by_deal: dict[str, set[str]] = {}
    for a in assignments:
        by_deal.setdefault(a["deal_id"], set()).add(a["mention_id"])
    return {frozenset(v) for v in by_deal.values()}


def test_three_outlets_in_three_scripts_report_one_deal() -> None:
    rows = [
        mention("ru", partner_name="ТОО «Бекжан Трубный Завод»", amount=152.3e6, currency="USD", partner_country="KZ"),
        mention("kk", partner_name="«Бекжан Құбыр Зауыты» ЖШС", amount=152e6, currency="USD",
                published_date=date(2025, 5, 2)),
        mention("en", partner_name="Bekzhan Trubny Zavod LLP", amount=150e6, currency="USD", partner_country="KZ",
                published_date=date(2025, 5, 3)),
    ]
    result = resolve_mentions(rows, rates=RATES)
    assert deals(result)["ru"] == deals(result)["en"]
    assert {a["rule"] for a in result if a["mention_id"] in ("ru", "en")} == {"partner_name"}


def test_an_amount_restated_in_another_currency_matches_at_one_years_rate() -> None:
    rows = [
        mention("tenge", partner_name="Hansol Paper", amount=52e9, currency="KZT", published_date=date(2024, 3, 1)),
        # 52 bn tenge at 2025's 520 = 100 m dollars; at 2024's 470 it would look 10% bigger
        mention("dollars", partner_name="Хансол Пэйпер", amount=100e6, currency="USD", published_date=date(2025, 2, 1)),
    ]
    assert len(groups(resolve_mentions(rows, rates=RATES))) == 1


def test_a_memorandum_and_the_later_launch_of_the_plant_are_one_deal() -> None:
    rows = [
        mention("memo", partner_name="Karadeniz Gıda A.Ş.", oked="10.51", status="memorandum", amount=11.0e9,
                currency="KZT", published_date=date(2024, 6, 1), capacity_value=150, capacity_unit="t/day"),
        mention("launch", partner_name="Карадениз Гыда", oked="10.51", status="commissioned", amount=12.9e9,
                currency="KZT", published_date=date(2026, 2, 1), capacity_value=150, capacity_unit="t/day"),
    ]
    result = resolve_mentions(rows, rates=RATES)
    assert len(groups(result)) == 1
    assert deals(result)["launch"] == "deal_memo"  # named after the earliest mention


def test_two_plants_of_one_company_in_one_region_stay_two_deals() -> None:
    rows = [
        mention("pipes", partner_name="Altyn Dala Agro LLP", oked="24.20", amount=80e6, currency="USD"),
        mention("feed", partner_name="Алтын Дала Агро", oked="10.91", amount=70e6, currency="USD",
                article_id="other"),
        mention("bigger", partner_name="Altyn Dala Agro", oked="24.20", amount=300e6, currency="USD",
                article_id="third"),
        mention("capacity_a", partner_name="Altyn Dala Agro", oked="24.20", capacity_value=50_000,
                capacity_unit="t/year", district_kato=ISATAI, article_id="fourth"),
        mention("capacity_b", partner_name="Altyn Dala Agro", oked="24.20", capacity_value=200_000,
                capacity_unit="t/year", district_kato=ISATAI, article_id="fifth"),
    ]
    assert len(groups(resolve_mentions(rows, rates=RATES))) == 5


def test_an_unnamed_partner_joins_the_only_deal_that_fits_place_sector_and_amount() -> None:
    rows = [
        mention("named", partner_name="Liaoning Huasheng Chemical", oked="20.15", amount=32e9, currency="KZT"),
        mention("unnamed", partner_country="CN", oked="20.15", amount=31.5e9, currency="KZT",
                published_date=date(2025, 6, 1)),
    ]
    result = resolve_mentions(rows, rates=RATES)
    assert deals(result)["unnamed"] == deals(result)["named"]
    assert next(a for a in result if a["mention_id"] == "unnamed")["rule"] == "unnamed_unique_candidate"


def test_an_unnamed_partner_with_two_fitting_deals_stays_alone() -> None:
    rows = [
        mention("first", partner_name="Liaoning Huasheng Chemical", oked="20.15", amount=32e9, currency="KZT"),
        mention("second", partner_name="Ganesh Polymers", oked="20.16", amount=32e9, currency="KZT"),
        mention("unnamed", oked="20.17", amount=32e9, currency="KZT", published_date=date(2025, 6, 1)),
    ]
    assert len(groups(resolve_mentions(rows, rates=RATES))) == 3


def test_two_deals_of_one_article_are_never_merged() -> None:
    rows = [
        mention("a", article_id="forum", partner_name="Hansol Paper", amount=10e6, currency="USD"),
        mention("b", article_id="forum", partner_name="Hansol Paper", amount=10e6, currency="USD"),
    ]
    assert len(groups(resolve_mentions(rows, rates=RATES))) == 2


def _corpus() -> list[dict]:
    return [
        mention("m1", partner_name="Hansol Paper", amount=100e6, currency="USD", published_date=date(2025, 1, 5)),
        mention("m2", partner_name="Хансол Пэйпер", amount=101e6, currency="USD", published_date=date(2025, 2, 5)),
        mention("m3", partner_name="Bergmann Anlagenbau GmbH", oked="28.30", amount=38e6, currency="EUR"),
        mention("m4", partner_name="Бергманн Анлагенбау", oked="28.30", amount=40e6, currency="EUR",
                published_date=date(2025, 7, 1)),
        mention("m5", partner_name="Ganesh Polymers", oked="22.21", district_kato=ISATAI, amount=5e6, currency="USD"),
    ]


def test_the_same_input_in_any_order_gives_the_same_deal_ids() -> None:
    expected = deals(resolve_mentions(_corpus(), rates=RATES))
    for seed in range(5):
        shuffled = _corpus()
        random.Random(seed).shuffle(shuffled)
        assert deals(resolve_mentions(shuffled, rates=RATES)) == expected


def test_an_added_earlier_article_does_not_renumber_an_existing_deal() -> None:
    first = deals(resolve_mentions(_corpus(), rates=RATES))
    earlier = mention("m0", partner_name="Hansol Paper Co., Ltd.", amount=100e6, currency="USD",
                      published_date=date(2024, 12, 1))
    second = resolve_mentions([*_corpus(), earlier], previous=first, rates=RATES)
    assert {k: v for k, v in deals(second).items() if k in first} == first
    assert deals(second)["m0"] == first["m1"]
    assert deal_merges(second) == []


def test_a_new_article_that_proves_two_deals_are_one_merges_them_and_records_it() -> None:
    unnamed = mention("a", oked="24.20", amount=60e6, currency="USD", published_date=date(2025, 1, 1))
    named = mention("b", partner_name="Kokshe Metall", oked="24.20", capacity_value=90_000, capacity_unit="t/year",
                    published_date=date(2025, 3, 1))
    before = deals(resolve_mentions([unnamed, named], rates=RATES))
    assert before["a"] != before["b"]
    bridge = mention("c", partner_name="Кокше Металл", oked="24.20", amount=61e6, currency="USD",
                     capacity_value=90_000, capacity_unit="t/year", published_date=date(2025, 4, 1))
    after = resolve_mentions([unnamed, named, bridge], previous=before, rates=RATES)
    assert len(groups(after)) == 1
    assert deals(after)["b"] == before["a"]  # the older deal survives
    assert deal_merges(after) == [
        {"surviving_deal_id": before["a"], "absorbed_deal_id": before["b"], "reason": "partner_name", "mentions": 1}
    ]


def test_partners_that_are_not_spellings_of_one_name_are_flagged() -> None:
    rows = [
        mention("a", partner_name="Hansol Paper", amount=100e6, currency="USD"),
        mention("b", partner_name="Ganesh Polymers", amount=100e6, currency="USD", published_date=date(2025, 6, 1)),
    ]
    result = resolve_mentions(rows, rates=RATES)
    assert len(groups(result)) == 1  # place, sector and the exact figure agree, and it is the only candidate
    assert all(a["partner_conflict"] for a in result)


def _correction(correction_id: str, target: str, target_id: str, field: str, new_value: str = "") -> dict:
    return {"correction_id": correction_id, "target": target, "target_id": target_id, "field": field,
            "new_value": new_value, "reason": "checked with the akimat", "author": "analyst",
            "corrected_on": "2026-01-15"}


def test_an_analyst_merge_joins_deals_the_evidence_kept_apart() -> None:
    rows = [
        mention("x", partner_name="Hansol Paper", amount=100e6, currency="USD"),
        mention("y", partner_name="Ganesh Polymers", oked="22.21", amount=40e6, currency="USD"),
    ]
    fixes = parse_corrections([_correction("c1", "deal", "deal_x", "merge", "deal_y")])
    result = resolve_mentions(rows, corrections=fixes, rates=RATES)
    assert deals(result) == {"x": "deal_y", "y": "deal_y"}
    assert {a["rule"] for a in result} == {"correction_merge:c1"}


def test_an_analyst_split_gives_a_mention_its_own_deal() -> None:
    rows = _corpus()
    fixes = parse_corrections([_correction("c2", "mention", "m2", "split")])
    previous = deals(resolve_mentions(rows, rates=RATES))
    result = resolve_mentions(rows, previous=previous, corrections=fixes, rates=RATES)
    assert deals(result)["m2"] != deals(result)["m1"]
    assert deals(result)["m1"] == previous["m1"]
    assert next(a for a in result if a["mention_id"] == "m2")["rule"] == "correction_split:c2"


def test_a_mention_field_override_is_what_resolution_compares() -> None:
    rows = [
        mention("a", partner_name="Hansol Paper", amount=100e6, currency="USD"),
        mention("b", partner_name="Hansol Paper", district_kato=ISATAI, oked="10.11", amount=100e6, currency="USD"),
    ]
    assert len(groups(resolve_mentions(rows, rates=RATES))) == 2
    fixes = parse_corrections([
        _correction("c3", "mention", "b", "district_kato", MAKHAMBET),
        _correction("c4", "mention", "b", "oked", "24.20"),
    ])
    assert len(groups(resolve_mentions(rows, corrections=fixes, rates=RATES))) == 1
