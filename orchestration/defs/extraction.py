"""Deal mentions and announced totals from the current article versions the extractor has not seen yet."""

import dagster as dg

from extraction.guard import EXTRACTOR_VERSION
from orchestration.resources import WarehouseResource
from quality.plausibility import screen_mention
from warehouse import articles, mentions, table_counts

GROUP = "extraction"
ARTICLE_ASSETS = [["raw", "press_releases"], ["raw", "feed_items"]]
MAX_LOGGED = 20


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "deal_mentions"], deps=[*ARTICLE_ASSETS, ["raw", "kato"], ["raw", "oked"]],
                     description="Deals stated in articles, each with its evidence sentence and offsets."),
        dg.AssetSpec(["raw", "announced_totals"], deps=ARTICLE_ASSETS,
                     description="Umbrella totals, targets and statistics: money stated that is not a deal."),
        dg.AssetSpec(["raw", "rejected_values"], deps=ARTICLE_ASSETS,
                     description="Quarantine of implausible extracted values (field nulled in the mention)."),
        dg.AssetSpec(["raw", "processing_errors"], deps=ARTICLE_ASSETS,
                     description="Articles and mentions whose processing raised, with the exception."),
    ],
    group_name=GROUP,
    pool="warehouse",
)
def deal_mentions(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Extract deal mentions from every current article version not yet extracted by this extractor version."""
    from extraction.batch import extract_many  # the engine's patterns compile only when a run has work for it

    with warehouse_db.connect() as con:
        mentions.drop_other_versions(con, EXTRACTOR_VERSION)
        pending = articles.pending_extraction(con, EXTRACTOR_VERSION)
        kato_codes, oked_codes = mentions.registry_codes(con)
    context.log.info(f"progress: {len(pending)} new article versions to extract (extractor {EXTRACTOR_VERSION})")
    rows = mentions.extraction_rows(pending, extract_many(pending), extractor_version=EXTRACTOR_VERSION,
                                    screen=screen_mention, kato_codes=kato_codes, oked_codes=oked_codes)
    for row in rows.rejected_values[:MAX_LOGGED]:
        context.log.warning(f"quarantined value {row['message']}")
    for row in rows.errors[:MAX_LOGGED]:
        context.log.warning(f"quarantined {row['message']}")
    with warehouse_db.connect() as con:
        mentions.store_extraction(con, rows)
        counts = table_counts(con, ["raw.deal_mentions", "raw.announced_totals"])
    yield dg.MaterializeResult(
        asset_key=["raw", "deal_mentions"],
        metadata={"new_mentions": len(rows.mentions), "rows_total": counts["raw.deal_mentions"],
                  "articles_extracted": len(rows.processed), "extractor_version": EXTRACTOR_VERSION},
    )
    yield dg.MaterializeResult(asset_key=["raw", "announced_totals"],
                               metadata={"new_totals": len(rows.totals), "rows_total": counts["raw.announced_totals"]})
    yield dg.MaterializeResult(asset_key=["raw", "rejected_values"], metadata={"new": len(rows.rejected_values)})
    yield dg.MaterializeResult(asset_key=["raw", "processing_errors"], metadata={"new": len(rows.errors)})


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[deal_mentions])
