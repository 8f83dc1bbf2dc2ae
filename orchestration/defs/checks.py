"""Great Expectations suites as blocking asset checks: bad data stops before it reaches the marts."""

from datetime import date

import dagster as dg
import pandas as pd
import pycountry

from orchestration import warehouse
from orchestration.dbt_manifest import MANIFEST
from orchestration.resources import GreatExpectationsResource, WarehouseResource
from quality import suites
from quality.runner import QualityReport


def _result(report: QualityReport) -> dg.AssetCheckResult:
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
        same, fingerprint = warehouse.unchanged_since_validated(con, MANIFEST)
    if not same:
        return None
    return dg.AssetCheckResult(
        passed=True,
        metadata={"revalidated": False, "fingerprint": fingerprint[:16]},
        description=f"{suite}: data unchanged since the last validated build; its validation stands",
    )


def _frame(db: WarehouseResource, sql: str) -> pd.DataFrame:
    with db.connect() as con:
        return con.execute(sql).df()


@dg.asset_check(asset=dg.AssetKey(["raw", "press_releases"]), blocking=True, pool="warehouse")
def press_releases_are_valid(
    warehouse_db: WarehouseResource, gx: GreatExpectationsResource
) -> dg.AssetCheckResult:
    """Current articles: unique ids, non-empty text, known format and language, plausible dates."""
    if (unchanged := _unchanged(warehouse_db, "press_releases")) is not None:
        return unchanged
    frame = _frame(
        warehouse_db, "select * exclude (text), length(text) as text_chars from raw.press_releases where is_current"
    )
    today = pd.Timestamp(date.today())
    frame["published_days_ago"] = (today - pd.to_datetime(frame["published"])).dt.days
    max_age = (date.today() - date(suites.FIRST_YEAR, 1, 1)).days
    return _result(gx.validate("press_releases", frame, suites.press_release_suite(max_age)))


@dg.asset_check(asset=dg.AssetKey(["raw", "deal_mentions"]), blocking=True, pool="warehouse",
                additional_deps=[dg.AssetKey(["raw", "kato"]), dg.AssetKey(["raw", "oked"])])
def deal_mentions_are_valid(
    warehouse_db: WarehouseResource, gx: GreatExpectationsResource
) -> dg.AssetCheckResult:
    """Mentions of current articles: codes in the registries, amounts positive, status known, years plausible."""
    if (unchanged := _unchanged(warehouse_db, "deal_mentions")) is not None:
        return unchanged
    with warehouse_db.connect() as con:
        frame = con.execute(
            """
            select m.* exclude (field_evidence, confidence_reasons)
            from raw.deal_mentions as m
            inner join raw.press_releases as p
                on m.article_id = p.article_id and m.content_sha256 = p.content_sha256 and p.is_current
            """
        ).df()
        kato = [r[0] for r in con.execute("select code from raw.kato where depth <= 2").fetchall()]
        oked = [r[0] for r in con.execute("select code_dotted from raw.oked").fetchall()]
    currencies = [c.alpha_3 for c in pycountry.currencies]
    return _result(gx.validate("deal_mentions", frame, suites.deal_mention_suite(kato, oked, currencies)))


def deals_are_valid(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
    """One row per deal, a known status, USD amounts within the plausible range, evidence for every deal."""
    frame = _frame(warehouse_db, "select * from marts.fct_deals")
    return _result(gx.validate("fct_deals", frame, suites.deals_suite()))


def deal_stages_are_monotonic(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
    """Each deal's stages are first reported in lifecycle order, or the deal is flagged as regressed."""
    frame = _frame(
        warehouse_db,
        """
        select
            s.deal_id,
            s.stage,
            s.first_reported_date,
            d.stage_regressed,
            lag(s.first_reported_date) over (partition by s.deal_id order by s.stage_rank) as previous_stage_date,
        from marts.fct_deal_stages as s
        inner join marts.fct_deals as d on s.deal_id = d.deal_id
        """,
    )
    frame["stage_order_ok"] = (
        frame["previous_stage_date"].isna()
        | frame["first_reported_date"].isna()
        | (frame["first_reported_date"] >= frame["previous_stage_date"])
        | frame["stage_regressed"].astype(bool)
    )
    return _result(gx.validate("fct_deal_stages", frame, suites.stage_suite()))


def umbrella_totals_cover_their_parts(
    warehouse_db: WarehouseResource, gx: GreatExpectationsResource
) -> dg.AssetCheckResult:
    """The deals an umbrella total sums never add up to more than the total (after screening and corrections)."""
    frame = _frame(
        warehouse_db,
        """
        with totals as (
            select t.total_id, t.article_id, t.amount, t.currency, unnest(r.part_amount_starts) as part_start
            from marts.fct_announced_totals as t
            inner join raw.announced_totals as r on t.total_id = r.total_id
            where t.kind = 'total' and len(r.part_amount_starts) > 0
        ),
        parts as (
            select m.mention_id, m.article_id, f.amount, f.currency,
                   cast(json_extract(m.field_evidence, '$.amount[0]') as integer) as amount_start
            from raw.deal_mentions as m
            inner join marts.fct_deal_mentions as f on m.mention_id = f.mention_id
        )
        select
            t.total_id,
            any_value(t.amount) * 1.005 as total_with_margin,
            coalesce(sum(p.amount) filter (where p.currency = t.currency), 0) as parts_sum,
        from totals as t
        left join parts as p on t.article_id = p.article_id and t.part_start = p.amount_start
        group by t.total_id
        """,
    )
    return _result(gx.validate("umbrella_totals", frame, suites.umbrella_suite()))


def _mart_reconciles(mart: str, key: str):
    def check(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
        with warehouse_db.connect() as con:
            frame = con.execute(f"select * from marts.{mart}").df()
            deals, usd = con.execute("select count(*), coalesce(sum(amount_usd), 0) from marts.fct_deals").fetchone()
        frame["all_usd"] = frame["memorandum_usd"] + frame["committed_usd"]
        return _result(gx.validate(mart, frame, suites.mart_suite(key, deals, float(usd))))

    check.__doc__ = f"{mart}: one row per {key} (unknown included); counts and USD sums reconcile with fct_deals."
    return check


def _spec(asset: str, name: str, check, extra_deps: tuple[str, ...] = ()) -> tuple[dg.AssetCheckSpec, object]:
    spec = dg.AssetCheckSpec(
        name, asset=dg.AssetKey(["marts", asset]), blocking=True, description=check.__doc__,
        additional_deps=[dg.AssetKey(["marts", dep]) for dep in extra_deps],
    )
    return spec, check


# The checks on the marts, as one step: each is still its own check in the UI (same names, assets, results), but
# one step instead of seven saves Dagster's per-step overhead on every run.
_MART_CHECKS = dict(
    (spec.key, (spec, check))
    for spec, check in [
        _spec("fct_deals", "deals_are_valid", deals_are_valid),
        _spec("fct_deal_stages", "deal_stages_are_monotonic", deal_stages_are_monotonic, ("fct_deals",)),
        _spec("fct_announced_totals", "umbrella_totals_cover_their_parts", umbrella_totals_cover_their_parts,
              ("fct_deal_mentions",)),
        *[
            _spec(mart, f"{mart}_reconciles_with_fct_deals", _mart_reconciles(mart, key), ("fct_deals",))
            for mart, key in [
                ("mart_investment_by_sector", "oked_division"),
                ("mart_investment_by_district", "district_kato"),
                ("mart_investment_by_country", "partner_country"),
                ("mart_investment_by_month", "year_month"),
            ]
        ],
    ]
)


@dg.multi_asset_check(specs=[spec for spec, _ in _MART_CHECKS.values()], can_subset=True, pool="warehouse")
def marts_are_valid(context: dg.AssetCheckExecutionContext, warehouse_db: WarehouseResource,
                    gx: GreatExpectationsResource):
    """Every GX check on the marts that this run selected (one step; one result per check)."""
    for key in sorted(context.selected_asset_check_keys, key=lambda k: k.to_user_string()):
        spec, check = _MART_CHECKS[key]
        result = check(warehouse_db, gx)
        yield dg.AssetCheckResult(
            passed=result.passed, severity=result.severity, metadata=result.metadata,
            description=result.description, asset_key=spec.asset_key, check_name=spec.name,
        )


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        asset_checks=[
            press_releases_are_valid, deal_mentions_are_valid, marts_are_valid,
        ]
    )
