"""Wall time and peak memory of whole pipeline runs on generated corpora: a full run, a re-run with nothing
new, and a run with 100 new articles on top. Each run is `invest-tracker run` in its own process, as a user
would start it.

    uv run python bench/bench_pipeline.py --sizes 1000 10000 50000 --write-docs
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate_corpus  # noqa: E402
from docs_section import replace_section  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SECTION = "## Pipeline runs"
PACKAGES = ["sources", "extraction", "resolution", "warehouse", "orchestration", "quality", "invest_tracker_cli"]
TARGETS = ("10k articles: full ≤ 40 s, no-change ≤ 5 s, 100 new on top ≤ 8 s; 100 new on 50k ≤ 10 s; "
           "peak RSS ≤ 1.5 GB; 100 new / no-change ≤ 1.6")
FLOOR_CMD = [sys.executable, "-c", "import orchestration.definitions"]


_STEP_LINE = re.compile(r"✓ (\S+) \(([\d.]+)s")


def step_seconds(step_log: str) -> dict[str, float]:
    """Seconds per step from the CLI's step log ("  ✓ dbt_models (6.1s, peak 566 MB)")."""
    return {step: float(seconds) for step, seconds in _STEP_LINE.findall(step_log)}


def timed_run(inputs: Path, warehouse: Path) -> tuple[float, float, str, dict[str, float]]:
    """Run the CLI once; returns (seconds, peak RSS in MB of the run and its children, the summary line with the
    mention and deal counts, seconds per step)."""
    cmd = [sys.executable, "-m", "invest_tracker_cli.main", "run", "--input", str(inputs), "--warehouse",
           str(warehouse)]
    # output goes to files, not pipes: a run that logs more than a pipe holds would block on a full pipe
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out_file, stderr=err_file, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}):\n{out[-2000:]}\n{err[-3000:]}")
    lines = [line for line in out.splitlines() if line.strip()]
    mentions = next((line.strip() for line in lines if line.startswith("mentions")), "")
    return seconds, usage.ru_maxrss / 1024, mentions, step_seconds(err)


def floor_seconds() -> float:
    """The no-op floor: a Python process that only imports the Dagster definitions (dagster, dbt, the assets)."""
    started = time.perf_counter()
    subprocess.run(FLOOR_CMD, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def bench_size(size: int, root: Path) -> list[dict]:
    inputs = root / f"input_{size}"
    warehouse = root / f"w_{size}" / "invest_tracker.duckdb"
    generate_corpus(inputs, size)
    rows = []
    for scenario in ("full run", "no-change re-run", "100 new articles"):
        if scenario == "100 new articles":
            generate_corpus(inputs, 100, start_serial=10_000_000)
        floor = floor_seconds()
        seconds, rss, mentions, steps = timed_run(inputs, warehouse)
        row = {"articles": size, "scenario": scenario, "seconds": seconds, "rss_mb": rss, "note": mentions,
               "floor": floor, "extract": steps.get("deal_mentions", 0.0), "dbt": steps.get("dbt_models", 0.0),
               "steps": sum(steps.values()), "by_step": steps}
        rows.append(row)
        print(f"{size:>7} {scenario:<18} {seconds:7.1f} s (floor {floor:4.1f} s; steps {row['steps']:5.1f} s of "
              f"which extraction {row['extract']:5.1f} s, dbt {row['dbt']:4.1f} s)  {rss:7.0f} MB  {mentions}",
              flush=True)
    no_change, new = rows[1]["seconds"], rows[2]["seconds"]
    print(f"{size:>7} 100 new / no-change = {new / no_change:.2f}", flush=True)
    return rows


def step_table(rows: list[dict]) -> list[str]:
    """Markdown lines: the 100-new runs step by step (seconds per Dagster step, and what lies outside the steps)."""
    runs = [r for r in rows if r["scenario"] == "100 new articles"]
    if not runs:
        return []
    names = list(dict.fromkeys(name for r in runs for name in r["by_step"]))
    lines = ["The 100-new runs step by step (seconds of each Dagster step, from the run's step log; \"outside the "
             "steps\" is the process start, imports, the run's set-up, the summary and the exit):", "",
             "| step | " + " | ".join(f"{r['articles']:,} articles" for r in runs) + " |",
             "|---|" + "---:|" * len(runs)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{r['by_step'].get(name, 0.0):.1f}" for r in runs) + " |")
    lines.append("| outside the steps | " + " | ".join(f"{r['seconds'] - r['steps']:.1f}" for r in runs) + " |")
    lines.append("| wall time | " + " | ".join(f"{r['seconds']:.1f}" for r in runs) + " |")
    return [*lines, ""]


def write_docs(rows: list[dict], command: str) -> None:
    table = ["| articles | run | wall time (s) | no-op floor (s) | all steps (s) | extraction (s) | dbt (s) "
             "| peak RSS (MB) | result |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    ratios = []
    for r in rows:
        table.append(f"| {r['articles']:,} | {r['scenario']} | {r['seconds']:.1f} | {r['floor']:.1f} | "
                     f"{r['steps']:.1f} | {r['extract']:.1f} | {r['dbt']:.1f} | {r['rss_mb']:.0f} | {r['note']} |")
        if r["scenario"] == "100 new articles":
            no_change = next(x for x in rows if x["articles"] == r["articles"] and x["scenario"] == "no-change re-run")
            ratios.append(f"{r['articles']:,}: {r['seconds'] / no_change['seconds']:.2f}")
    section = "\n".join([
        SECTION, "",
        f"Command: `{command}`", "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Targets (issue 13): {TARGETS}. The no-op floor is `python -c 'import orchestration.definitions'`, "
        "timed just before each run. \"All steps\" is the sum of the Dagster steps' own durations (the rest of "
        "the wall time is the process start, imports and the run's set-up); extraction is the `deal_mentions` step, "
        "dbt the `dbt_models` step.", "",
        *table, "",
        f"100 new / no-change: {'; '.join(ratios)}.", "",
        *step_table(rows),
    ])
    replace_section(SECTION, section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--write-docs", action="store_true", help="write the figures into docs/benchmarks.md")
    args = parser.parse_args()
    # as `make install` does: the project's own bytecode, so each run does not recompile it from source
    subprocess.run([sys.executable, "-m", "compileall", "-q", *PACKAGES], cwd=REPO, check=True)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="invest-bench-") as tmp:
        for size in args.sizes:
            rows += bench_size(size, Path(tmp))
    if args.write_docs:
        write_docs(rows, "uv run python bench/bench_pipeline.py --sizes " + " ".join(map(str, args.sizes))
                   + " --write-docs")


if __name__ == "__main__":
    main()
