"""The one Definitions of invest-tracker: every domain merged, shared resources bound once."""

from __future__ import annotations

import dagster as dg

from orchestration.defs import automation, checks, extraction, ingestion, publishing, registries, transform
from orchestration.resources import InputFolderResource, WarehouseResource


def build_definitions() -> dg.Definitions:
    shared = dg.Definitions(
        resources={"warehouse_db": WarehouseResource(), "input_folder": InputFolderResource()},
    )
    return dg.Definitions.merge(
        registries.build_defs(),
        ingestion.build_defs(),
        extraction.build_defs(),
        transform.build_defs(),
        publishing.build_defs(),
        automation.build_defs(),
        checks.build_defs(),
        shared,
    )


defs = build_definitions()
