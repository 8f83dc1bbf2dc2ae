"""Expectation suites per dataset, as plain data (no Dagster, no GX import): what good data looks like."""

from __future__ import annotations

from collections.abc import Iterable

from quality.runner import Expectation
from sources.statuses import STATUSES as DEAL_STATUSES

STATUSES = list(DEAL_STATUSES)  # the lifecycle, defined once (sources/statuses.py)
LANGUAGES = ["ru", "kk", "en"]
FORMATS = ["txt", "md", "html", "rss"]
TOTAL_KINDS = ["total", "target", "statistic"]
# The largest single investment project ever announced in Kazakhstan is in the tens of billions of USD;
# a deal stated above 100 billion USD is an extraction error, not a deal.
AMOUNT_CEILING_USD = 100e9
FIRST_YEAR, LAST_YEAR = 1991, 2100


def _e(kind: str, **kwargs) -> Expectation:
    return Expectation(kind, kwargs)


def press_release_suite(max_age_days: int) -> list[Expectation]:
    """Articles: `published_days_ago` is today minus the publication date (never negative: no future dates);
    `text_chars` is the length of the text (the texts themselves are not sent to GX: megabytes, nothing to add)."""
    return [
        *[_e("ExpectColumnToExist", column=c) for c in ("article_id", "content_sha256", "source_file", "text_chars")],
        _e("ExpectColumnValuesToNotBeNull", column="article_id"),
        _e("ExpectColumnValuesToBeUnique", column="article_id"),
        _e("ExpectColumnValuesToNotBeNull", column="text_chars"),
        _e("ExpectColumnValuesToBeBetween", column="text_chars", min_value=1),
        _e("ExpectColumnValuesToBeInSet", column="format", value_set=FORMATS),
        _e("ExpectColumnValuesToBeInSet", column="lang", value_set=LANGUAGES, mostly=0.99),
        _e("ExpectColumnValuesToBeBetween", column="published_days_ago", min_value=0, max_value=max_age_days),
    ]


def deal_mention_suite(
    kato_codes: Iterable[str], oked_codes: Iterable[str], currencies: Iterable[str]
) -> list[Expectation]:
    kato = sorted(set(kato_codes))
    return [
        *[_e("ExpectColumnToExist", column=c) for c in (
            "mention_id", "source_file", "partner_name", "partner_country", "region_kato", "district_kato",
            "oked", "amount", "currency", "status", "evidence", "evidence_start", "evidence_end")],
        _e("ExpectColumnValuesToNotBeNull", column="mention_id"),
        _e("ExpectColumnValuesToBeUnique", column="mention_id"),
        _e("ExpectColumnValuesToNotBeNull", column="evidence"),
        _e("ExpectColumnValuesToBeInSet", column="status", value_set=STATUSES),
        _e("ExpectColumnValuesToBeInSet", column="region_kato", value_set=kato),
        _e("ExpectColumnValuesToBeInSet", column="district_kato", value_set=kato),
        _e("ExpectColumnValuesToBeInSet", column="oked", value_set=sorted(set(oked_codes))),
        _e("ExpectColumnValuesToBeInSet", column="currency", value_set=sorted(set(currencies))),
        _e("ExpectColumnValuesToBeBetween", column="amount", min_value=0, strict_min=True),
        _e("ExpectColumnValuesToBeBetween", column="confidence", min_value=0, max_value=1),
        _e("ExpectColumnValuesToBeBetween", column="start_year", min_value=FIRST_YEAR, max_value=LAST_YEAR),
        _e("ExpectColumnValuesToBeBetween", column="completion_year", min_value=FIRST_YEAR, max_value=LAST_YEAR),
        _e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="evidence_end", column_B="evidence_start"),
    ]


def deals_suite() -> list[Expectation]:
    return [
        _e("ExpectColumnValuesToNotBeNull", column="deal_id"),
        _e("ExpectColumnValuesToBeUnique", column="deal_id"),
        _e("ExpectColumnValuesToBeInSet", column="status", value_set=STATUSES),
        _e("ExpectColumnValuesToBeBetween", column="amount_usd", min_value=0, max_value=AMOUNT_CEILING_USD,
           strict_min=True),
        _e("ExpectColumnValuesToNotBeNull", column="evidence"),
        _e("ExpectColumnValuesToNotBeNull", column="source_url", mostly=0.5),
        _e("ExpectColumnValuesToBeBetween", column="mention_count", min_value=1),
    ]


def mart_suite(key_column: str, deals: int, usd_total: float) -> list[Expectation]:
    """A mart reconciles with fct_deals: its deal counts and USD sums add up to the fact table's."""
    tolerance = max(1.0, abs(usd_total) * 1e-9)
    return [
        _e("ExpectColumnValuesToNotBeNull", column=key_column),
        _e("ExpectColumnValuesToBeUnique", column=key_column),
        _e("ExpectColumnSumToBeBetween", column="deal_count", min_value=deals, max_value=deals),
        _e("ExpectColumnSumToBeBetween", column="all_usd", min_value=usd_total - tolerance,
           max_value=usd_total + tolerance),
        _e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="deal_count", column_B="memorandum_count",
           or_equal=True),
    ]


def umbrella_suite() -> list[Expectation]:
    """Deals listed under an umbrella total never add up to more than the total they are part of."""
    return [
        _e("ExpectColumnPairValuesAToBeGreaterThanB", column_A="total_with_margin", column_B="parts_sum",
           or_equal=True),
    ]


def stage_suite() -> list[Expectation]:
    """A deal's stages are first reported in lifecycle order, or the deal is flagged as regressed."""
    return [
        _e("ExpectColumnValuesToBeInSet", column="stage_order_ok", value_set=[True]),
    ]
