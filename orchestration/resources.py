"""Resources shared by every domain: the warehouse file, the input folder, the Great Expectations runner.

An empty path means "the setting's value when the run starts" (orchestration/settings.py); a run's configuration
(the CLI's --input and --warehouse, the Launchpad) sets the path for that run only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
from pydantic import PrivateAttr

import warehouse
from orchestration import settings
from quality import runner


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. Empty `path` means $INVEST_TRACKER_WAREHOUSE or var/invest_tracker.duckdb.

    `hold_open`: keep one connection open from the run's start to its end, so each step's connections open in a
    millisecond (warehouse.open_for_run). The file is then locked for the whole run, not only while a step writes:
    `invest-tracker run` sets it (one run, nothing else writing); runs launched from the UI leave it off, so a
    sensor's run can still reach the file between another run's steps."""

    path: str = ""
    hold_open: bool = False
    _held: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.hold_open:
            self._held = warehouse.open_for_run(self.resolved_path())

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None

    def resolved_path(self) -> Path:
        return Path(self.path).resolve() if self.path else settings.warehouse_path()

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with warehouse.connect(self.resolved_path()) as con:
            yield con


class InputFolderResource(dg.ConfigurableResource):
    """The folder of press releases. Empty `path` means $INVEST_TRACKER_INPUT or data/samples."""

    path: str = ""

    def resolved_path(self) -> Path:
        return Path(self.path).resolve() if self.path else settings.input_dir()


class GreatExpectationsResource(dg.ConfigurableResource):
    """Runs the GX suites of the asset checks.

    With `warm_start` (the default), a run starts a worker process that imports great_expectations (about 4 s)
    while the run reads and extracts articles, so the first check does not wait for the import; the worker
    stops when the run ends. Without it, checks validate in the run's own process.
    """

    warm_start: bool = True

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.warm_start:
            runner.start_worker()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        runner.stop_worker()

    def validate(
        self, suite_name: str, frame: pd.DataFrame, expectations: list[runner.Expectation]
    ) -> runner.QualityReport:
        return runner.validate_frame(suite_name, frame, expectations)
