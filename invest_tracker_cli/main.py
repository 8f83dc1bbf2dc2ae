"""`invest-tracker run | extract | export | report`: every command has --help and exits non-zero on failure."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

from orchestration import settings


class CliError(Exception):
    """A failure the user can act on: printed as one line naming the file or step, exit code 1."""


def _add_run(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "run",
        help="materialize the whole asset graph in-process and print a summary",
        description="Ingest the input folder and registries, extract deals, build and test the dbt models, "
        "publish the read-only copy, then print what was read, extracted and quarantined.",
    )
    p.add_argument("--input", type=Path, default=None,
                   help="folder of press releases (default: $INVEST_TRACKER_INPUT or data/samples)")
    p.add_argument("--warehouse", type=Path, default=None,
                   help="DuckDB file to write (default: $INVEST_TRACKER_WAREHOUSE or var/invest_tracker.duckdb)")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.set_defaults(func=cmd_run)


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the deal mentions of files or folders, without touching any warehouse",
        description="Read press releases (txt/md with front matter, HTML, RSS) and print one record per deal "
        "mention, announced total and rejected input.",
    )
    p.add_argument("paths", nargs="+", type=Path, help="files or folders")
    p.add_argument("--format", choices=["jsonl", "table"], default="table", help="output format (default: table)")
    p.add_argument("--no-totals", action="store_true", help="leave announced totals and targets out")
    p.set_defaults(func=cmd_extract)


def _add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write the marts to CSV, Parquet and XLSX (and fct_deal_mentions as JSON lines)",
        description="Export the fact, dimension and mart tables of the published warehouse for spreadsheets.",
    )
    p.add_argument("--warehouse", type=Path, default=None, help="warehouse file (default: the published copy)")
    p.add_argument("--out", type=Path, default=Path("exports"), help="output folder (default: exports/)")
    p.add_argument("--format", choices=["csv", "parquet", "xlsx", "jsonl", "all"], default="all")
    p.set_defaults(func=cmd_export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="invest-tracker",
        description="Investment deals in Kazakhstan from press releases and registries into a DuckDB warehouse.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_run(sub)
    _add_extract(sub)
    _add_export(sub)
    from invest_tracker_cli import report

    report.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"invest-tracker {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


# ---------------------------------------------------------------- run


def cmd_run(args: argparse.Namespace) -> int:
    # The imports of a run (pandas, duckdb, then dagster and dbt in pipeline._run) create millions of objects that
    # live until the process ends; collecting garbage while they are created only walks them again and again (about
    # a fifth of the import time). pipeline._run freezes them and turns collection back on.
    gc.disable()
    from invest_tracker_cli.pipeline import run_pipeline, summarize

    if args.input is not None and not args.input.is_dir():
        raise CliError(f"input folder {args.input} does not exist or is not a folder")
    input_dir = (args.input or settings.input_dir()).resolve()
    warehouse = (args.warehouse or settings.warehouse_path()).resolve()
    started = time.monotonic()
    outcome = run_pipeline(input_dir=input_dir, warehouse=warehouse, verbose=not args.quiet)
    if not outcome.success:
        raise CliError(outcome.failure)
    print(summarize(warehouse, time.monotonic() - started))
    # The run is over and its files are closed: spare the interpreter's exit a full garbage-collection pass over
    # the whole heap (about a second after a large run).
    gc.freeze()
    return 0


# ---------------------------------------------------------------- extract


def cmd_extract(args: argparse.Namespace) -> int:
    from extraction.batch import records_for_read
    from sources.models import ReadResult
    from sources.press_releases import read_file, read_input_folder

    result = ReadResult()
    for path in args.paths:
        if path.is_dir():
            part = read_input_folder(path)
        elif path.is_file() or path.is_symlink():
            part = read_file(path, path.parent)
        else:
            raise CliError(f"{path}: no such file or folder")
        result.articles.extend(part.articles)
        result.rejections.extend(part.rejections)
    records = list(records_for_read(result, totals=not args.no_totals))

    if args.format == "jsonl":
        for rec in records:
            print(json.dumps(rec, ensure_ascii=False))
    else:
        print(format_table(records))
    return 0


def _short(value: object, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(records: list[dict]) -> str:
    """A fixed-width table of mentions, totals and rejections for a terminal."""
    header = (
        f"{'file':<34} {'record':<9} {'status':<12} {'amount':>16} {'cur':<4} {'partner':<30} "
        f"{'district':<9} {'oked':<9} cc"
    )
    lines = [header, "-" * len(header)]
    for r in records:
        kind = {"deal_mention": "deal", "announced_total": r.get("kind", "total")}.get(r["record"], r["record"])
        if r["record"] == "quarantine":
            lines.append(f"{_short(r['file'], 34):<34} {'rejected':<9} {r['reason']:<12} {_short(r['message'], 60)}")
            continue
        amount = r.get("amount")
        amount_text = f"{amount:,.0f}" if isinstance(amount, int | float) else ""
        lines.append(
            f"{_short(r['file'], 34):<34} {kind:<9} {_short(r.get('status'), 12):<12} {amount_text:>16} "
            f"{_short(r.get('currency'), 4):<4} {_short(r.get('partner_name'), 30):<30} "
            f"{_short(r.get('district_kato'), 9):<9} {_short(r.get('oked'), 9):<9} {r.get('partner_country') or ''}"
        )
    deals = sum(1 for r in records if r["record"] == "deal_mention")
    rejected = sum(1 for r in records if r["record"] == "quarantine")
    lines.append(f"\n{deals} deal mentions, {len(records) - deals - rejected} totals/targets, {rejected} rejected")
    return "\n".join(lines)


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from invest_tracker_cli.exports import export_warehouse

    source = args.warehouse or settings.published_path(settings.warehouse_path())
    if not source.exists():
        raise CliError(f"{source}: no warehouse yet; run `invest-tracker run` first")
    formats = ["csv", "parquet", "xlsx", "jsonl"] if args.format == "all" else [args.format]
    for path in export_warehouse(source, args.out, formats):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
