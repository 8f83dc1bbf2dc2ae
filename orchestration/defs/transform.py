"""The dbt project (staging -> intermediate -> marts) as assets; its tests surface as asset checks."""


import hashlib
import os
from pathlib import Path

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration import settings, warehouse
from orchestration.resources import WarehouseResource

dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)


class InvestTrackerTranslator(DagsterDbtTranslator):
    """Groups dbt models by layer in the UI (staging, intermediate, marts)."""

    def get_group_name(self, dbt_resource_props) -> str | None:
        if dbt_resource_props["resource_type"] == "model":
            return dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "dbt"
        return super().get_group_name(dbt_resource_props)


translator = InvestTrackerTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator,
            pool="warehouse")
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse_db: WarehouseResource):
    """Build and test the dbt models selected in this run (staging views, intermediate and mart tables)."""
    # dbt is a subprocess: it reads the same warehouse path through the env var profiles.yml uses
    os.environ[settings.WAREHOUSE_ENV] = str(warehouse_db.resolved_path())
    whole_project = set(context.selected_asset_keys) == set(dbt_models.keys)
    fingerprint = _inputs_fingerprint(warehouse_db)
    if whole_project and fingerprint == _last_built(warehouse_db):
        # nothing dbt reads has changed since the last successful build: the marts are already what dbt would
        # make, so dbt is not started (and the steps downstream of it are skipped)
        context.log.info("progress: raw layer and dbt project unchanged since the last build: dbt not started")
        return
    # a stable target folder keeps dbt's partial-parse cache between runs (a fresh one costs a full parse)
    target = settings.DBT_PROJECT_DIR / "target" / "dagster"
    yield from dbt.cli(["build"], context=context, target_path=target).stream()
    if whole_project:
        with warehouse_db.connect() as con:
            con.execute(
                "insert or replace into raw.build_state values ('dbt_build', ?, now())", [fingerprint]
            )


def _inputs_fingerprint(db: WarehouseResource) -> str:
    """The raw layer's digest plus the dbt project's (the manifest changes when any model or test does)."""
    manifest = hashlib.sha256(Path(dbt_project.manifest_path).read_bytes()).hexdigest()
    with db.connect() as con:
        return f"{warehouse.raw_fingerprint(con)}:{manifest}"


def _last_built(db: WarehouseResource) -> str | None:
    with db.connect() as con:
        if not con.execute(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'fct_deals'"
        ).fetchone()[0]:
            return None
        row = con.execute("select fingerprint from raw.build_state where step = 'dbt_build'").fetchone()
    return row[0] if row else None


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[dbt_models],
        resources={"dbt": DbtCliResource(project_dir=dbt_project)},
    )
