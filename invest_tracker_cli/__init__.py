"""The `invest-tracker` command line: run the pipeline, extract without a warehouse, export, report."""

from invest_tracker_cli.main import main

__all__ = ["main"]
