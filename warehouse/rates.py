"""National Bank daily rates (raw.fx_rates_daily) and the publication days that still lack one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from warehouse.articles import CURRENT_ARTICLES_SQL
from warehouse.db import connect, registered, transaction

RATE_COLUMNS = ["rate_date", "currency", "kzt_rate", "quant", "fetched_at", "source_url"]


def store_daily_rates(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> int:
    """Insert or refresh the rates of `frame` (one row per day and currency)."""
    frame = frame.drop_duplicates(subset=["rate_date", "currency"])[RATE_COLUMNS]
    if frame.empty:
        return 0
    with transaction(con), registered(con, "_rates", frame):
        con.execute(
            f"""
            insert into raw.fx_rates_daily ({", ".join(RATE_COLUMNS)})
            select {", ".join(RATE_COLUMNS)} from _rates
            on conflict (rate_date, currency) do update set
                kzt_rate = excluded.kzt_rate, quant = excluded.quant, fetched_at = excluded.fetched_at,
                source_url = excluded.source_url
            """
        )
    return len(frame)


def publication_days_without_rates(warehouse_path: Path, limit: int = 50) -> list[str]:
    """Days that current articles were published on (to the day) and that have no National Bank USD rate yet."""
    with connect(warehouse_path, read_only=True) as con:
        rows = con.execute(
            f"""
            select distinct a.published
            from ({CURRENT_ARTICLES_SQL}) as a
            where a.published >= date '2010-01-01' and coalesce(a.published_precision, 'day') = 'day'
              and not exists (select 1 from raw.fx_rates_daily as f
                              where f.rate_date between a.published - 6 and a.published and f.currency = 'USD')
            order by 1 desc
            limit ?
            """,
            [limit],
        ).fetchall()
    return [r[0].isoformat() for r in rows]
