"""Implausible extracted values are quarantined with a reason, and the rest of the mention is kept."""

from quality.plausibility import screen_mention

KATO = {"150000000", "156000000"}
OKED = {"35.11.4"}


def _mention(**fields) -> dict:
    base = {"source_file": "a.txt", "evidence_start": 10, "amount": 1e6, "currency": "USD",
            "region_kato": "150000000", "district_kato": "156000000", "oked": "35.11.4",
            "partner_country": "CN", "start_year": 2025, "completion_year": 2027, "status": "memorandum"}
    return {**base, **fields}


def test_a_plausible_mention_passes_unchanged():
    clean, issues = screen_mention(_mention(), KATO, OKED)
    assert issues == [] and clean == _mention()


def test_a_negative_or_zero_amount_is_quarantined_and_nulled():
    for amount in (0, -5.0):
        clean, issues = screen_mention(_mention(amount=amount), KATO, OKED)
        assert clean["amount"] is None and clean["currency"] is None
        assert issues[0].reason == "amount_not_positive" and "a.txt" in issues[0].message


def test_an_amount_above_the_ceiling_is_quarantined():
    clean, issues = screen_mention(_mention(amount=5e12), KATO, OKED)
    assert clean["amount"] is None and issues[0].reason == "amount_above_ceiling"


def test_a_large_tenge_amount_within_the_ceiling_is_kept():
    clean, issues = screen_mention(_mention(amount=1.1e12, currency="KZT"), KATO, OKED)
    assert issues == [] and clean["amount"] == 1.1e12


def test_an_unknown_currency_is_quarantined():
    clean, issues = screen_mention(_mention(currency="XXY"), KATO, OKED)
    assert clean["currency"] is None and issues[0].reason == "unknown_currency"


def test_codes_not_in_the_registries_are_quarantined():
    clean, issues = screen_mention(_mention(district_kato="999999999", oked="99.99.9"), KATO, OKED)
    assert clean["district_kato"] is None and clean["oked"] is None
    assert {i.reason for i in issues} == {"unknown_kato", "unknown_oked"}
    assert clean["region_kato"] == "150000000"


def test_years_out_of_range_are_quarantined():
    clean, issues = screen_mention(_mention(start_year=1850, completion_year=2300), KATO, OKED)
    assert clean["start_year"] is None and clean["completion_year"] is None
    assert [i.reason for i in issues] == ["year_out_of_range", "year_out_of_range"]
