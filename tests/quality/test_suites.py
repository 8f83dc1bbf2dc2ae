"""The GX suites catch what they are for (these run Great Expectations itself: a few seconds)."""

import pandas as pd

from quality import suites
from quality.runner import Expectation, validate_frame


def test_a_stage_reported_before_the_previous_one_fails_unless_flagged():
    frame = pd.DataFrame({"stage_order_ok": [True, False]})
    report = validate_frame("stages", frame, suites.stage_suite())
    assert not report.success
    assert report.failures[0].unexpected_count == 1


def test_a_mart_whose_deal_count_does_not_reconcile_fails_with_the_expectation_named():
    mart = pd.DataFrame({"k": ["a", "unknown"], "deal_count": [2, 1], "memorandum_count": [1, 0],
                         "all_usd": [10.0, 0.0]})
    report = validate_frame("mart", mart, suites.mart_suite("k", deals=4, usd_total=10.0))
    assert [f.expectation for f in report.failures] == ["expect_column_sum_to_be_between(deal_count)"]


def test_mentions_with_codes_outside_the_registries_fail():
    mentions = pd.DataFrame({
        "mention_id": ["m1", "m2"], "source_file": ["a", "b"], "partner_name": [None, None],
        "partner_country": ["CN", "KZ"], "region_kato": ["150000000", "999999999"],
        "district_kato": [None, None], "oked": ["35.11.4", None], "amount": [1.0, 2.0],
        "currency": ["USD", "KZT"], "status": ["memorandum", "agreement"], "evidence": ["e", "f"],
        "evidence_start": [0, 5], "evidence_end": [4, 9], "confidence": [0.9, 0.8],
        "start_year": [2025, None], "completion_year": [None, 2027],
    })
    report = validate_frame(
        "mentions", mentions, suites.deal_mention_suite(["150000000"], ["35.11.4"], ["USD", "KZT"])
    )
    assert [f.expectation for f in report.failures] == ["expect_column_values_to_be_in_set(region_kato)"]
    assert report.failures[0].unexpected_sample == ["999999999"]


def test_deals_adding_up_to_more_than_their_umbrella_total_fail():
    frame = pd.DataFrame({"total_id": ["ok", "over"], "total_with_margin": [100.5, 50.25], "parts_sum": [100.0, 60.0]})
    report = validate_frame("umbrella", frame, suites.umbrella_suite())
    assert not report.success
    assert report.failures[0].unexpected_count == 1


def test_an_article_with_an_empty_text_or_a_repeated_id_fails_the_press_release_suite():
    frame = pd.DataFrame({
        "article_id": ["a", "b", "b"], "content_sha256": ["1", "2", "3"], "source_file": ["a.md", "b.md", "c.md"],
        "text_chars": [120, 0, 80], "format": ["md", "md", "txt"], "lang": ["ru", "kk", "en"],
        "published_days_ago": [3, 10, 400],
    })
    report = validate_frame("press_releases", frame, suites.press_release_suite(max_age_days=5000))
    failed = {f.expectation: f.unexpected_count for f in report.failures}
    assert failed == {"expect_column_values_to_be_unique(article_id)": 2,
                      "expect_column_values_to_be_between(text_chars)": 1}


def test_registry_sized_value_sets_are_cut_to_the_frame_and_give_the_same_verdicts():
    from quality.runner import narrow_value_sets, validate_here

    codes = [f"{n:02d}.{m:02d}" for n in range(1, 40) for m in range(1, 10)]  # a registry of 351 codes
    frame = pd.DataFrame({"oked": ["01.01", "99.99", None, "05.05", "99.99"], "status": ["memorandum"] * 5})
    expectations = [Expectation("ExpectColumnValuesToBeInSet", {"column": "oked", "value_set": codes}),
                    Expectation("ExpectColumnValuesToBeInSet", {"column": "status", "value_set": suites.STATUSES})]
    narrowed = narrow_value_sets(expectations, frame)
    assert narrowed[0].kwargs["value_set"] == ["01.01", "05.05"]
    assert narrowed[1] == expectations[1]  # a short set is left as it is
    full, cut = validate_here("oked", frame, expectations), validate_frame("oked", frame, expectations)
    assert full == cut and not cut.success
    assert cut.failures[0].unexpected_count == 2 and cut.failures[0].unexpected_sample == ["99.99", "99.99"]
    # no value of the frame in the registry: every non-null value is unexpected, as with the whole registry
    unknown = pd.DataFrame({"oked": ["99.98", "99.99"], "status": ["memorandum"] * 2})
    assert validate_frame("oked", unknown, expectations) == validate_here("oked", unknown, expectations)
    assert validate_frame("oked", unknown, expectations).failures[0].unexpected_count == 2
