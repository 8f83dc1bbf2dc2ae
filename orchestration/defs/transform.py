"""The dbt project (staging -> intermediate -> marts) as assets; its tests surface as asset checks."""


from datetime import timedelta
from pathlib import Path

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject, dbt_assets

from orchestration import settings
from orchestration.dbt_runner import dbt_events
from orchestration.resources import WarehouseResource
from warehouse import state

dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)


# The daily schedule rebuilds the marts every morning: a day and a bit without a build is worth a warning,
# two days an error in the UI.
MART_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=48), warn_window=timedelta(hours=26))


class InvestTrackerTranslator(DagsterDbtTranslator):
    """Groups dbt models by layer in the UI (staging, intermediate, marts); marts carry a freshness policy."""

    def get_asset_spec(self, manifest, unique_id, project):
        spec = super().get_asset_spec(manifest, unique_id, project)
        if spec.key.path[0] == "marts":
            spec = spec.replace_attributes(freshness_policy=MART_FRESHNESS)
        return spec

    def get_group_name(self, dbt_resource_props) -> str | None:
        if dbt_resource_props["resource_type"] == "model":
            return dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "dbt"
        return super().get_group_name(dbt_resource_props)


# What a run with new data leaves to the daily full build (and to any build after the dbt project changed): the
# staging views, the seeds (a changed seed changes the manifest, which makes the next build a full one) and the
# staging/intermediate tests.
FULL_BUILD_ONLY = ["path:models/staging", "tag:full_validation", "resource_type:seed"]

translator = InvestTrackerTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator,
            pool="warehouse")
def dbt_models(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource):
    """Build and test the dbt models selected in this run (staging views, intermediate and mart tables)."""
    whole_project = set(context.selected_asset_keys) == set(dbt_models.keys)
    manifest = Path(dbt_project.manifest_path)
    with warehouse_db.connect() as con:
        fingerprint = state.inputs_fingerprint(con, manifest)
        built, validated = state.dbt_build_state(con), state.get(con, "validated")
    if whole_project and fingerprint == built == validated:
        # nothing dbt reads has changed since the last build that passed every check: the marts are already what
        # dbt would make, so dbt is not started (and the steps downstream of it are skipped)
        context.log.info("progress: raw layer and dbt project unchanged since the last validated build: dbt skipped")
        return
    # a stable target folder keeps dbt's partial-parse cache between runs (a fresh one costs a full parse)
    target = settings.DBT_PROJECT_DIR / "target" / "dagster"
    # dbt's unit tests check SQL logic, not data: the test suite runs them (tests/e2e), a data build skips them.
    # The file log keeps warnings only: at debug level it writes megabytes per build.
    args = ["build", "--exclude-resource-type", "unit_test", "--log-level-file", "warn", "--no-write-json"]
    with warehouse_db.connect() as con:
        full = state.full_dbt_build_due(con, manifest) or not whole_project
    if full:
        # the incremental tables are rebuilt whole: after a change of the dbt project, and once a day
        args += ["--full-refresh"]
    else:
        # same dbt project as the last full build, within a day: the staging views and the seed tables are as that
        # build made them (views read the raw tables as they are now), and the staging and intermediate tests,
        # which guard what the GX suites and the mart tests also guard, wait for the daily full build
        args += ["--exclude", *FULL_BUILD_ONLY]
        context.log.info("progress: dbt builds the tables and the mart tests (staging, seeds and layer tests: daily)")
    # dbt runs in this process (orchestration/dbt_runner.py): no subprocess start-up, no re-reading of its log
    # dbt reads the warehouse path from the env var profiles.yml uses, set for this invocation only
    yield from dbt_events(context, dbt_project, args, target,
                          env={settings.WAREHOUSE_ENV: str(warehouse_db.resolved_path())})
    if whole_project:
        with warehouse_db.connect() as con:
            state.record(con, "dbt_build", fingerprint)
            if full:
                state.record_full_dbt_build(con, manifest)


def build_defs() -> dg.Definitions:
    return dg.Definitions(assets=[dbt_models])
