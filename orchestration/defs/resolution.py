"""Deal resolution between extraction and dbt: the current mentions -> raw.mention_resolution (+ raw.deal_merges).

It runs on raw tables, before dbt, so the flow stays one-way: dbt reads the deal ids as a source and never calls
back into Python. Analyst merges and splits come from the same versioned file dbt seeds
(dbt_project/seeds/corrections.csv), read here directly rather than from the seeded table, which dbt only writes
after this step. What a run costs depends on what changed (warehouse/resolutions.py).
"""

import dagster as dg

from extraction.guard import ProcessingError
from orchestration import settings
from orchestration.resources import WarehouseResource
from resolution import RESOLVER_VERSION
from resolution.batch import block_frame, new_mention_blocks, resolution_rows
from resolution.blocks import block_probes
from warehouse import resolutions
from warehouse.mentions import processing_error_row

GROUP = "resolution"


def _error_rows(mentions: list[dict], failures: list[tuple[str, Exception]]) -> list[dict]:
    by_id = {m["mention_id"]: m for m in mentions}
    return [processing_error_row(ProcessingError.from_exception("resolve", exc, RESOLVER_VERSION),
                                 record_id=mention_id, article=by_id[mention_id], mention_id=mention_id)
            for mention_id, exc in failures]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "mention_resolution"],
                     deps=[["raw", "deal_mentions"], ["raw", "press_releases"], ["raw", "feed_items"],
                           ["raw", "fx_rates_annual"]],
                     description="The deal each current mention belongs to, the rule that put it there, its score."),
        dg.AssetSpec(["raw", "deal_merges"], deps=[["raw", "deal_mentions"]],
                     description="Every merge of two existing deals: surviving and absorbed deal id, reason, run."),
        dg.AssetSpec(["raw", "resolution_errors"], deps=[["raw", "deal_mentions"]],
                     description="Mentions resolution could not read, quarantined with the exception."),
    ],
    group_name=GROUP,
    pool="warehouse",
)
def mention_resolution(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Group mentions into deals (names across scripts, place, sector, amount, stage) under stable deal ids."""
    corrections_file = settings.corrections_file()
    corrections = corrections_file.read_bytes() if corrections_file.is_file() else b""
    with warehouse_db.connect() as con:
        inputs = resolutions.input_state(con, corrections, RESOLVER_VERSION)
        mode = resolutions.run_mode(con, inputs, resolutions.stored_state(con))
        if mode == "incremental":
            new = resolutions.new_mentions(con)
            new_blocks = new_mention_blocks(new, corrections_file)
            scope = resolutions.block_scope(con, new_blocks, block_probes)
            kept, previous, rates = resolutions.load_inputs(con, scope=scope)
            mentions = kept + new
        elif mode == "full":
            mentions, previous, rates = resolutions.load_inputs(con)
    if mode == "skip":
        context.log.info("resolution inputs unchanged since the last run: nothing to resolve")
    else:
        failures: list[tuple[str, Exception]] = []
        # a full run stores the blocks of every mention, from the mentions resolution reads anyway; an incremental
        # one adds those of the new mentions, found before it could choose what to load
        blocks: list[dict] = [] if mode == "full" else new_blocks
        frame, merges = resolution_rows(mentions, previous, rates, corrections_file, incremental=mode == "incremental",
                                        failures=failures, blocks=blocks if mode == "full" else None)
        errors = _error_rows(mentions, failures)
        for merge in merges:
            context.log.info("merged deal %s into %s (%s)", merge["absorbed_deal_id"], merge["surviving_deal_id"],
                             merge["reason"])
        for error in errors[:20]:
            context.log.warning(f"quarantined mention {error['message']}")
        with warehouse_db.connect() as con:
            resolutions.store_resolution(
                con, frame, merges, errors, inputs, resolver_version=RESOLVER_VERSION, run_id=context.run.run_id,
                blocks=block_frame(blocks),
                scope=[m["mention_id"] for m in mentions] if mode == "incremental" else None)
        context.log.info(f"progress: resolution ({mode}) of {len(mentions)} mentions")
    with warehouse_db.connect() as con:
        totals = resolutions.summary(con)
    yield dg.MaterializeResult(asset_key=["raw", "mention_resolution"],
                               metadata={"mode": mode, "mentions": totals["mentions"], "deals": totals["deals"]})
    yield dg.MaterializeResult(asset_key=["raw", "deal_merges"],
                               metadata={"new_merges": 0 if mode == "skip" else len(merges),
                                         "rows_total": totals["merges_total"]})
    yield dg.MaterializeResult(asset_key=["raw", "resolution_errors"],
                               metadata={"errors": 0 if mode == "skip" else len(errors)})


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[mention_resolution])
