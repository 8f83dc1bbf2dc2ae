"""Deal resolution's inputs and outputs: the current mentions in, raw.mention_resolution and raw.deal_merges out.

A run costs what changed: the digests of the inputs (current mentions, annual rates, corrections, resolver code)
and of the stored output are kept in state.steps ('mention_resolution'). Same digests: nothing to do. Only new
mentions (every previously resolved mention unchanged and still current, same rates, corrections and code, and
the blocks of every resolved mention stored): an incremental run against the previous deals, loading only the
mentions that share a block with the new ones and the members of their deals (block_scope). Anything else: a
full resolution, ids kept from the previous run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime

import duckdb
import pandas as pd

from warehouse import state
from warehouse.articles import CURRENT_ARTICLES_SQL
from warehouse.db import fetch_dicts, insert_frame, registered, transaction

STATE_STEP = "mention_resolution"
MENTIONS_SQL = f"""
    select
        m.mention_id, m.article_id, m.content_sha256, m.source_file, a.published as published_date,
        m.partner_name, m.partner_country, m.region_kato, m.district_kato, m.oked, m.amount, m.currency, m.status,
        m.capacity_value, m.capacity_unit
    from raw.deal_mentions as m
    inner join ({CURRENT_ARTICLES_SQL}) as a on m.article_id = a.article_id and m.content_sha256 = a.content_sha256
    order by m.mention_id
"""
MENTION_COLUMNS = ("mention_id, article_id, published_date, partner_name, partner_country, region_kato, "
                   "district_kato, oked, amount, currency, status, capacity_value, capacity_unit")
OUTPUT_COLUMNS = "mention_id, deal_id, rule, score, merged_from, partner_conflict"


def input_state(con: duckdb.DuckDBPyConnection, corrections: bytes, resolver_version: str) -> dict[str, str]:
    """What a resolution depends on, as digests: mentions, rates, corrections, code, and the stored output."""
    return {
        "mentions": state.digest_query(con, MENTIONS_SQL, MENTION_COLUMNS),
        "rates": state.digest_query(con, "select * from raw.fx_rates_annual", "currency, year, lcu_per_usd"),
        "corrections": hashlib.sha256(corrections).hexdigest(),
        "version": resolver_version,
        "output": state.digest_query(con, "select * from raw.mention_resolution", OUTPUT_COLUMNS),
    }


def stored_state(con: duckdb.DuckDBPyConnection) -> dict[str, str] | None:
    try:
        return json.loads(state.get(con, STATE_STEP) or "null")
    except ValueError:
        return None


def _previous_mentions_unchanged(con: duckdb.DuckDBPyConnection, stored: dict[str, str]) -> bool:
    """The mentions the previous run resolved are all still current and read the same (only new ones added)."""
    kept = f"select * from ({MENTIONS_SQL}) where mention_id in (select mention_id from raw.mention_resolution)"
    return state.digest_query(con, kept, MENTION_COLUMNS) == stored.get("mentions")


def _blocks_cover_assignments(con: duckdb.DuckDBPyConnection) -> bool:
    """Every resolved mention has its blocks stored (not so in a warehouse from before they were)."""
    return not con.execute("""
        select 1 from raw.mention_resolution as r
        where not exists (select 1 from state.mention_blocks as b where b.mention_id = r.mention_id)
        limit 1""").fetchall()


def run_mode(con: duckdb.DuckDBPyConnection, current: dict[str, str], stored: dict[str, str] | None) -> str:
    """'skip' (nothing changed), 'incremental' (only new mentions) or 'full'."""
    if stored is None:
        return "full"
    if current == stored:
        return "skip"
    same_context = all(current[k] == stored.get(k) for k in ("rates", "corrections", "version", "output"))
    incremental = same_context and _previous_mentions_unchanged(con, stored) and _blocks_cover_assignments(con)
    return "incremental" if incremental else "full"


NEW_MENTIONS_SQL = f"""
    select * from ({MENTIONS_SQL}) as m
    where not exists (select 1 from raw.mention_resolution as r where r.mention_id = m.mention_id)
    order by m.mention_id
"""

BlockProbes = Callable[[list[dict], dict[str | None, list[str]]], tuple[list[dict], list[dict]]]


def new_mentions(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The current mentions no resolution has assigned yet."""
    return fetch_dicts(con, NEW_MENTIONS_SQL)


def block_scope(con: duckdb.DuckDBPyConnection, new_blocks: list[dict], probes: BlockProbes) -> list[str]:
    """The resolved mentions an incremental run must load for new mentions with blocks `new_blocks`: every member
    of the deals of the stored mentions that share a block with them (`probes`: resolution/blocks.py
    block_probes), and of a deal whose id a new mention's deal could take (`deal_<new mention id>`, with or
    without a `~n`)."""
    keys_by_region: dict[str | None, list[str]] = {}
    for region, key in con.execute(
            "select distinct region_kato, partner_key from state.mention_blocks where partner_key is not null"
    ).fetchall():
        keys_by_region.setdefault(region, []).append(key)
    names, places = probes(new_blocks, keys_by_region)
    name_probes = pd.DataFrame(names, columns=["region_kato", "partner_key"], dtype=object)
    place_probes = pd.DataFrame(places, columns=["district_kato", "sector"], dtype=object)
    new_ids = pd.DataFrame({"mention_id": sorted(b["mention_id"] for b in new_blocks)}, dtype=object)
    with registered(con, "_name_probes", name_probes), registered(con, "_place_probes", place_probes), \
            registered(con, "_new_ids", new_ids):
        return [row[0] for row in con.execute("""
            with sharing as (
                select b.mention_id from state.mention_blocks as b
                where exists (
                        select 1 from _name_probes as p
                        where p.partner_key = b.partner_key
                          and (p.region_kato is null or b.region_kato is null or p.region_kato = b.region_kato))
                   or exists (
                        select 1 from _place_probes as p
                        where p.district_kato = b.district_kato and p.sector = b.sector)
            ),
            deals as (
                select r.deal_id from raw.mention_resolution as r
                where r.mention_id in (select mention_id from sharing)
                union
                select r.deal_id from raw.mention_resolution as r, _new_ids as n
                where r.deal_id = 'deal_' || n.mention_id or starts_with(r.deal_id, 'deal_' || n.mention_id || '~')
            )
            select mention_id from raw.mention_resolution
            where deal_id in (select deal_id from deals)
            order by mention_id""").fetchall()]


def load_inputs(
    con: duckdb.DuckDBPyConnection, *, scope: list[str] | None = None
) -> tuple[list[dict], list[dict], dict[tuple[str, int], float]]:
    """(current mentions, the previous output rows, annual rates by (currency, year)); `scope`: only these resolved
    mentions (block_scope) and their previous output (the new ones come from new_mentions)."""
    if scope is None:
        mentions = fetch_dicts(con, f"select * from ({MENTIONS_SQL}) order by mention_id")
        previous = fetch_dicts(con, f"select {OUTPUT_COLUMNS} from raw.mention_resolution")
    else:
        with registered(con, "_scope", pd.DataFrame({"mention_id": scope}, dtype=object)):
            mentions = fetch_dicts(con, f"""
                select * from ({MENTIONS_SQL}) as m
                where m.mention_id in (select mention_id from _scope)
                order by m.mention_id""")
            previous = fetch_dicts(con, f"""
                select {OUTPUT_COLUMNS} from raw.mention_resolution
                where mention_id in (select mention_id from _scope)""")
    rates = {(currency, int(year)): float(rate) for currency, year, rate in con.execute(
        "select currency, year, lcu_per_usd from raw.fx_rates_annual").fetchall()}
    return mentions, previous, rates


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    mentions, deals = con.execute(
        "select count(*), count(distinct deal_id) from raw.mention_resolution").fetchall()[0]
    merges = con.execute("select count(*) from raw.deal_merges").fetchall()[0][0]
    return {"mentions": mentions, "deals": deals, "merges_total": merges}


def store_resolution(con: duckdb.DuckDBPyConnection, assignments: pd.DataFrame, merges: list[dict],
                     errors: list[dict], inputs: dict[str, str], *, resolver_version: str, run_id: str,
                     blocks: pd.DataFrame, scope: list[str] | None = None) -> None:
    """Replace the assignments (all of them, or those of the mentions in `scope`) and their `blocks` (all, or add
    those of new mentions), add the merges and the mentions it could not read, record the digests."""
    now = datetime.now()
    frame = assignments.assign(resolver_version=resolver_version, resolved_at=now, run_id=run_id)
    merge_frame = pd.DataFrame(
        merges, columns=["surviving_deal_id", "absorbed_deal_id", "reason", "mentions"]
    ).assign(merged_at=now, run_id=run_id)
    with transaction(con):
        if scope is None:
            con.execute("delete from raw.mention_resolution")
            con.execute("delete from raw.resolution_errors")
            insert_frame(con, "raw.mention_resolution", frame)
            con.execute("delete from state.mention_blocks")
            insert_frame(con, "state.mention_blocks", blocks)
        else:
            # an incremental run re-resolves whole blocks, but most of their assignments come out as they were:
            # those rows stay (with the run that made them), only the changed and the new ones are written
            columns = ", ".join(frame.columns)
            with registered(con, "_scope", pd.DataFrame({"mention_id": scope}, dtype=object)), \
                    registered(con, "_assigned", frame):
                con.execute("""
                    delete from raw.mention_resolution as r
                    where r.mention_id in (select mention_id from _scope)
                      and not exists (
                          select 1 from _assigned as n
                          where n.mention_id = r.mention_id and n.deal_id = r.deal_id and n.rule = r.rule
                            and n.score is not distinct from r.score
                            and n.merged_from is not distinct from r.merged_from
                            and n.partner_conflict = r.partner_conflict)""")
                con.execute(f"""
                    insert into raw.mention_resolution ({columns})
                    select {columns} from _assigned as n
                    where not exists (select 1 from raw.mention_resolution as r where r.mention_id = n.mention_id)""")
                con.execute("delete from raw.resolution_errors where record_id in (select mention_id from _scope)")
            insert_frame(con, "state.mention_blocks", blocks, on_conflict="do nothing")
        insert_frame(con, "raw.deal_merges", merge_frame, on_conflict="do nothing")
        insert_frame(con, "raw.resolution_errors", pd.DataFrame(errors))
        recorded = {**inputs, "output": state.digest_query(con, "select * from raw.mention_resolution",
                                                           OUTPUT_COLUMNS)}
        state.record(con, STATE_STEP, json.dumps(recorded, sort_keys=True))
