"""Time the incremental resolution step (the raw/mention_resolution asset) when 100 articles are new, and count the
mentions it loads: those sharing a block with the new ones and their deals (block scope), against the mentions of
the regions the new ones fall into (what the step loaded before the blocks were stored).

On a copy of a warehouse built by `invest-tracker run` (bench/bench_pipeline.py leaves one per size):

    uv run python bench/bench_resolution_scope.py --warehouse <w.duckdb> --write-docs

The generated corpus (bench/corpus.py) varies the figures of the bundled samples, not their companies: it names
16 partners in a few districts and OKED classes, so its deals hold thousands of mentions and a block is most of a
region. `--partners N` replaces each mention's partner by one of N made-up company names, and its district and
OKED class by one of its region's districts and one of the OKED classes (fixed per article and partner): closer
to a real corpus, which names thousands of companies across 200 districts. Both are measured.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg
import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.docs_section import replace_section  # noqa: E402
from orchestration import settings  # noqa: E402
from orchestration.defs.resolution import mention_resolution  # noqa: E402
from orchestration.resources import WarehouseResource  # noqa: E402
from resolution.batch import new_mention_blocks  # noqa: E402
from resolution.blocks import block_probes  # noqa: E402
from warehouse import resolutions  # noqa: E402

SECTION = "## Incremental resolution scope"
SYLLABLES = ["ka", "ro", "mi", "tan", "bek", "sol", "dar", "nur", "vel", "gor", "lin", "zha", "pet", "ol", "us", "sen",
             "tau", "ber", "kul", "mar", "esh", "tor", "ain", "qaz"]


def _materialize(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = dg.materialize([mention_resolution], resources={"warehouse_db": WarehouseResource(path=str(path))})
    seconds = time.perf_counter() - started
    (event,) = [e for e in result.get_asset_materialization_events()
                if e.asset_key == dg.AssetKey(["raw", "mention_resolution"])]
    return seconds, event.materialization.metadata["mode"].value


def _diversify(con: duckdb.DuckDBPyConnection, partners: int) -> None:
    """Each (article, partner) gets one of `partners` made-up company names in place of the partner's name, a
    district of its region (raw.kato) and an OKED class (raw.oked) in place of the ones stated."""
    con.execute("""
        create temp table _districts as
        select region_code, code, row_number() over (partition by region_code order by code) as n,
               count(*) over (partition by region_code) as k
        from raw.kato where depth = 2""")
    con.execute("""
        update raw.deal_mentions as m set district_kato = d.code from _districts as d
        where m.district_kato is not null and d.region_code = m.region_kato
          and d.n = 1 + hash(m.article_id, m.partner_name, 'district') % d.k""")
    con.execute("""
        create temp table _classes as
        select code_dotted, row_number() over (order by code) as n, count(*) over () as k
        from raw.oked where level = 'class'""")
    con.execute("""
        update raw.deal_mentions as m set oked = c.code_dotted from _classes as c
        where m.oked is not null and c.n = 1 + hash(m.article_id, m.partner_name, 'oked') % c.k""")
    rnd = random.Random(partners)
    names = [" ".join("".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).title()
                      for _ in range(rnd.randint(1, 2))) + " LLP" for _ in range(partners)]
    con.execute("create temp table _names as select * from unnest(?) with ordinality as w(name, n)", [names])
    con.execute(f"""
        update raw.deal_mentions as m set partner_name = w.name
        from _names as w
        where m.partner_name is not null and w.n = 1 + hash(m.article_id, m.partner_name) % {partners}""")


def measure(source: Path, new_articles: int, partners: int | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.duckdb"
        shutil.copy(source, path)
        con = duckdb.connect(str(path))
        try:
            if partners:
                _diversify(con, partners)
            articles = [r[0] for r in con.execute(
                "select distinct article_id from raw.deal_mentions order by article_id").fetchall()]
            held = random.Random(13).sample(articles, new_articles)
            con.execute("create table held as select * from raw.deal_mentions where article_id in "
                        "(select unnest(?))", [held])
            con.execute("delete from raw.deal_mentions where article_id in (select article_id from held)")
            con.execute("delete from state.steps where step = 'mention_resolution'")
        finally:
            con.close()
        full_seconds, full_mode = _materialize(path)
        con = duckdb.connect(str(path))
        try:
            con.execute("insert into raw.deal_mentions select * from held")
            con.execute("drop table held")
            mentions, regions_scope, keys = con.execute("""
                with new as (select * from raw.deal_mentions
                             where mention_id not in (select mention_id from raw.mention_resolution))
                select (select count(*) from raw.mention_resolution),
                       (select count(*) from state.mention_blocks as b
                        where b.region_kato in (select region_kato from new)
                           or b.region_kato is null or (select count(*) from new where region_kato is null) > 0),
                       (select count(distinct partner_key) from state.mention_blocks)""").fetchall()[0]
        finally:
            con.close()
        started = time.perf_counter()
        # the scope the step will load, counted here (and timed apart from the step)
        con = duckdb.connect(str(path), read_only=True)
        try:
            new_blocks = new_mention_blocks(resolutions.new_mentions(con), settings.corrections_file())
            scope = resolutions.block_scope(con, new_blocks, block_probes)
        finally:
            con.close()
        scope_seconds = time.perf_counter() - started
        step_seconds, mode = _materialize(path)
    row = {"partners": partners or "as generated", "keys": keys, "mentions": mentions, "new": len(new_blocks),
           "full": full_seconds, "full_mode": full_mode, "regions": regions_scope, "blocks": len(scope),
           "scope_seconds": scope_seconds, "step": step_seconds, "mode": mode}
    print(f"partners {row['partners']!s:>12} ({keys} keys): {mentions} mentions, {row['new']} new; full step "
          f"{full_seconds:.2f} s; incremental step ({mode}) {step_seconds:.2f} s loading {len(scope)} resolved "
          f"mentions (regions would load {regions_scope}); choosing the scope {scope_seconds:.2f} s", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=100, help="articles whose mentions are new")
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    rows = [measure(args.warehouse, args.articles, None), measure(args.warehouse, args.articles, args.partners)]
    if not args.write_docs:
        return
    table = ["| partner names | distinct keys | resolved mentions | new mentions | full step (s) "
             "| incremental step (s) | loaded: blocks | loaded: regions (before) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        table.append(f"| {r['partners']} | {r['keys']:,} | {r['mentions']:,} | {r['new']} | {r['full']:.2f} | "
                     f"{r['step']:.2f} | {r['blocks']:,} | {r['regions']:,} |")
    command = (f"uv run python bench/bench_resolution_scope.py --warehouse <w.duckdb> --articles {args.articles} "
               f"--partners {args.partners} --write-docs")
    replace_section(SECTION, "\n".join([
        SECTION, "",
        f"Command: `{command}` on the {rows[0]['mentions'] + rows[0]['new']:,}-mention warehouse bench_pipeline.py "
        f"built. Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.", "",
        "The resolution step of a run where the mentions of 100 articles are new, timed through Dagster "
        "(`dg.materialize` of the asset), against the full resolution of the same warehouse. \"Loaded\": the "
        "resolved mentions the incremental step reads, now (mentions sharing a block with a new one, and their "
        "deals) and before (every mention of the regions the new ones fall into). The generated corpus names 16 "
        "partners in a few districts and OKED classes; the second row replaces each partner name by one of the given "
        "number of made-up company names, and each district and OKED class by one of the region's districts and "
        "one of the classes (per article and partner), closer to a real corpus.", "",
        *table, "",
    ]))


if __name__ == "__main__":
    main()
