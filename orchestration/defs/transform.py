"""The dbt project (staging -> intermediate -> marts) as assets; its tests surface as asset checks."""


import os

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets

from orchestration import settings
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
    yield from dbt.cli(["build"], context=context).stream()


def build_defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[dbt_models],
        resources={"dbt": DbtCliResource(project_dir=dbt_project)},
    )
