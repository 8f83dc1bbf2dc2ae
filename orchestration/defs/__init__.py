"""Dagster definitions, one module per domain; orchestration.definitions merges them."""
