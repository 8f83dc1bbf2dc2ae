"""The one Definitions of invest-tracker: every domain merged, shared resources bound once."""

from __future__ import annotations

import dagster as dg

from orchestration.defs import (
    automation,
    checks,
    extraction,
    feed_sensors,
    feeds,
    ingestion,
    mart_checks,
    publishing,
    rates,
    registries,
    resolution,
    transform,
)
from orchestration.resources import GreatExpectationsResource, InputFolderResource, WarehouseResource


def build_definitions() -> dg.Definitions:
    # DuckDB allows one writer: steps run one after another in the run's process (which also spares each step
    # a process start and re-import), and every writing asset is in the "warehouse" pool so runs queue too.
    shared = dg.Definitions(
        resources={
            "warehouse_db": WarehouseResource(),
            "input_folder": InputFolderResource(),
            "gx": GreatExpectationsResource(),
        },
        executor=dg.in_process_executor,
    )
    return dg.Definitions.merge(
        registries.build_defs(),
        rates.build_defs(),
        ingestion.build_defs(),
        feeds.build_defs(),
        feed_sensors.build_defs(),
        extraction.build_defs(),
        resolution.build_defs(),
        transform.build_defs(),
        publishing.build_defs(),
        automation.build_defs(),
        checks.build_defs(),
        mart_checks.build_defs(),
        shared,
    )


defs = build_definitions()
