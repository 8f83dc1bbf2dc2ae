"""Resources shared by every domain: the warehouse file and the input folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration import settings, warehouse


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. Empty `path` means $INVEST_TRACKER_WAREHOUSE or warehouse/invest_tracker.duckdb."""

    path: str = ""

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
