"""Great Expectations suites on the raw layer as blocking asset checks: bad data stops before the marts.

Frames come from warehouse/frames.py, suites from quality/suites.py. Data that is what last passed every check
and was published is not validated again (warehouse/state.py); on the raw tables a run validates the rows added
since the last pass, and the whole table once a day (warehouse/validation.py).
"""

from datetime import date

import dagster as dg
import pandas as pd
import pycountry

from orchestration.dbt_manifest import MANIFEST
from orchestration.resources import GreatExpectationsResource, WarehouseResource
from quality import suites
from quality.runner import QualityReport
from warehouse import frames, state, validation


def check_result(report: QualityReport) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        passed=report.success,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "rows": report.rows,
            "expectations": report.evaluated,
            "failed_expectations": len(report.failures),
            "failures": dg.MetadataValue.json(report.as_metadata()["failures"]),
        },
        description=(
            f"{report.suite}: {report.evaluated} expectations on {report.rows} rows"
            if report.success
            else f"{report.suite}: " + "; ".join(f.expectation for f in report.failures)
        ),
    )


def _unchanged(db: WarehouseResource, suite: str) -> dg.AssetCheckResult | None:
    """A pass without re-validating when the raw layer equals what last passed every check (no GX import)."""
    with db.connect() as con:
        same, fingerprint = state.unchanged_since_validated(con, MANIFEST)
    if not same:
        return None
    return dg.AssetCheckResult(
        passed=True,
        metadata={"revalidated": False, "fingerprint": fingerprint[:16]},
        description=f"{suite}: data unchanged since the last validated build; its validation stands",
    )


def _nothing_new(suite: str) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True, metadata={"validated": "no new rows"},
                               description=f"{suite}: no rows added since the last validation")


def _validated(db: WarehouseResource, suite: str, how: str, frame: pd.DataFrame,
               report: QualityReport) -> dg.AssetCheckResult:
    """The check's result; the rows that passed are remembered, so the next run validates only newer ones."""
    if report.success:
        with db.connect() as con:
            validation.record_passed(con, suite, frame["validation_key"], full=how == "full")
    result = check_result(report)
    return dg.AssetCheckResult(passed=result.passed, severity=result.severity, description=result.description,
                               metadata={**result.metadata, "validated": "all rows" if how == "full" else "new rows"})


@dg.asset_check(asset=dg.AssetKey(["raw", "press_releases"]), blocking=True, pool="warehouse",
                additional_deps=[dg.AssetKey(["raw", "feed_items"])])
def press_releases_are_valid(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
    """Current articles (folder and feeds): unique ids, non-empty text, known format and language, plausible
    dates."""
    if (unchanged := _unchanged(warehouse_db, "press_releases")) is not None:
        return unchanged
    with warehouse_db.connect() as con:
        how = validation.mode(con, "press_releases")
        frame = frames.current_articles(con, only_new_for="press_releases" if how == "new" else None)
    if frame.empty and how == "new":
        return _nothing_new("press_releases")
    today = date.today()
    frame["published_days_ago"] = (pd.Timestamp(today) - pd.to_datetime(frame["published"])).dt.days
    max_age = (today - date(suites.FIRST_YEAR, 1, 1)).days
    report = gx.validate("press_releases", frame.drop(columns="validation_key"), suites.press_release_suite(max_age))
    return _validated(warehouse_db, "press_releases", how, frame, report)


@dg.asset_check(asset=dg.AssetKey(["raw", "deal_mentions"]), blocking=True, pool="warehouse",
                additional_deps=[dg.AssetKey(["raw", "kato"]), dg.AssetKey(["raw", "oked"])])
def deal_mentions_are_valid(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
    """Mentions of current articles: codes in the registries, amounts positive, status known, years plausible."""
    if (unchanged := _unchanged(warehouse_db, "deal_mentions")) is not None:
        return unchanged
    with warehouse_db.connect() as con:
        how = validation.mode(con, "deal_mentions")
        frame = frames.current_mentions(con, only_new_for="deal_mentions" if how == "new" else None)
        kato, oked = frames.registry_code_lists(con)
    if frame.empty and how == "new":
        return _nothing_new("deal_mentions")
    currencies = [c.alpha_3 for c in pycountry.currencies]
    report = gx.validate("deal_mentions", frame.drop(columns="validation_key"),
                         suites.deal_mention_suite(kato, oked, currencies))
    return _validated(warehouse_db, "deal_mentions", how, frame, report)


def build_defs() -> dg.Definitions:
    return dg.Definitions(asset_checks=[press_releases_are_valid, deal_mentions_are_valid])
