"""Export the warehouse's marts for people who live in spreadsheets: CSV, Parquet, XLSX, JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

EXPORT_TABLES = [
    "fct_deals", "fct_deal_mentions", "fct_deal_stages", "fct_announced_totals", "fct_quarantine",
    "mart_investment_by_sector", "mart_investment_by_district", "mart_investment_by_country",
    "mart_investment_by_month",
]


def export_warehouse(warehouse: Path, out_dir: Path, formats: list[str]) -> list[Path]:
    """Write each exported table in each format; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        frames = {t: con.execute(f"select * from marts.{t}").df() for t in EXPORT_TABLES}
    finally:
        con.close()
    for fmt in formats:
        if fmt == "csv":
            for name, frame in frames.items():
                path = out_dir / f"{name}.csv"
                frame.to_csv(path, index=False)
                written.append(path)
        elif fmt == "parquet":
            for name, frame in frames.items():
                path = out_dir / f"{name}.parquet"
                frame.to_parquet(path, index=False)
                written.append(path)
        elif fmt == "xlsx":
            path = out_dir / "invest_tracker.xlsx"
            import pandas as pd

            with pd.ExcelWriter(path, engine="openpyxl") as writer:
                for name, frame in frames.items():
                    frame.to_excel(writer, sheet_name=name[:31], index=False)
            written.append(path)
        elif fmt == "jsonl":
            path = out_dir / "fct_deal_mentions.jsonl"
            mentions = frames["fct_deal_mentions"]
            mentions = mentions.astype(object).where(mentions.notna(), None)
            with path.open("w", encoding="utf-8") as f:
                for row in mentions.to_dict(orient="records"):
                    # the scorer's contract names: file, and plain JSON values
                    row = {"record": "deal_mention", "file": row.pop("source_file"), **row}
                    f.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
            written.append(path)
    return written


def _json_default(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    if value != value:  # NaN
        return None
    return str(value)
