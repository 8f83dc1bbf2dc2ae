"""Great Expectations suites on the marts as blocking asset checks, run as one step before publishing.

Frames come from warehouse/frames.py and suites from quality/suites.py; the published copy is only replaced when
every check passes.
"""

import dagster as dg

from orchestration.defs.checks import check_result
from orchestration.resources import GreatExpectationsResource, WarehouseResource
from quality import suites
from warehouse import frames


def _mart_check(name: str, frame_of, suite_of):
    def check(warehouse_db: WarehouseResource, gx: GreatExpectationsResource) -> dg.AssetCheckResult:
        with warehouse_db.connect() as con:
            frame, *context = frame_of(con)
        return check_result(gx.validate(name, frame, suite_of(*context)))

    return check


def _reconciles(mart: str, key: str):
    return _mart_check(mart, lambda con: frames.mart_with_totals(con, mart),
                       lambda deals, usd: suites.mart_suite(key, deals, usd))


# (asset, check name, description, check, other marts it reads)
_MART_CHECK_TABLE = [
    ("fct_deals", "deals_are_valid",
     "One row per deal, a known status, USD amounts within the plausible range, evidence for every deal.",
     _mart_check("fct_deals", lambda con: (frames.deals(con),), suites.deals_suite), ()),
    ("fct_deal_stages", "deal_stages_are_monotonic",
     "Each deal's stages are first reported in lifecycle order, or the deal is flagged as regressed.",
     _mart_check("fct_deal_stages", lambda con: (frames.deal_stages(con),), suites.stage_suite), ("fct_deals",)),
    ("fct_announced_totals", "umbrella_totals_cover_their_parts",
     "The deals an umbrella total sums never add up to more than the total (after screening and corrections).",
     _mart_check("umbrella_totals", lambda con: (frames.umbrella_totals(con),), suites.umbrella_suite),
     ("fct_deal_mentions",)),
    *[
        (mart, f"{mart}_reconciles_with_fct_deals",
         f"{mart}: one row per {key} (unknown included); counts and USD sums reconcile with fct_deals.",
         _reconciles(mart, key), ("fct_deals",))
        for mart, key in [
            ("mart_investment_by_sector", "oked_division"),
            ("mart_investment_by_district", "district_kato"),
            ("mart_investment_by_country", "partner_country"),
            ("mart_investment_by_month", "year_month"),
        ]
    ],
]
# The checks on the marts, as one step: each is still its own check in the UI (same names, assets, results), but
# one step instead of seven saves Dagster's per-step overhead on every run.
_MART_CHECKS = {}
for _asset, _name, _description, _check, _extra in _MART_CHECK_TABLE:
    _spec = dg.AssetCheckSpec(_name, asset=dg.AssetKey(["marts", _asset]), blocking=True, description=_description,
                              additional_deps=[dg.AssetKey(["marts", dep]) for dep in _extra])
    _MART_CHECKS[_spec.key] = (_spec, _check)


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
    return dg.Definitions(asset_checks=[marts_are_valid])
