"""The DuckDB side of invest-tracker: the raw layer's tables, the run state, and every write to them.

No Dagster here: the assets in orchestration/ read their configuration, call a pure function from sources/,
extraction/ or resolution/, and hand the result to a store in this package. Each store writes in one transaction
(`db.transaction`), set-based (never row by row).

- `schema`: the `raw` tables (data the marts are built from) and the `state` tables (what the pipeline has read,
  extracted, validated and published, by digest), created and migrated on connect.
- `db`: connect, the one transaction helper, inserts of DataFrames, reads of rows as plain Python values.
- `articles`, `feeds`, `mentions`, `resolutions`, `rates`, `registries`: the stores.
- `state`: run state (fingerprints of inputs and outputs) and the raw-layer digest the skip decisions use.
- `frames`: the DataFrames the quality checks validate.
- `publish`: the read-only copy for BI tools.
"""

from warehouse.db import connect, fetch_dicts, insert_frame, open_for_run, table_counts, transaction

__all__ = ["connect", "fetch_dicts", "insert_frame", "open_for_run", "table_counts", "transaction"]
