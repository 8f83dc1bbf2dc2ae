"""The DataFrames the quality checks validate (orchestration/defs/checks.py hands them to quality/)."""

from __future__ import annotations

import duckdb
import pandas as pd

from warehouse.validation import unvalidated

CURRENT_ARTICLE_METADATA_SQL = """
    select * exclude (text), length(text) as text_chars from raw.press_releases where is_current
    union all by name
    select * exclude (text, feed_name), length(text) as text_chars from raw.feed_items where is_current
"""


ARTICLE_KEY_SQL = "article_id || ':' || content_sha256"


def current_articles(con: duckdb.DuckDBPyConnection, *, only_new_for: str | None = None) -> pd.DataFrame:
    """Current article versions of the folder and the feeds, without their texts (their lengths instead), with
    their validation key; `only_new_for`: only those the named suite has not passed yet."""
    where = f"where {unvalidated(only_new_for, ARTICLE_KEY_SQL)}" if only_new_for else ""
    return con.execute(
        f"select *, {ARTICLE_KEY_SQL} as validation_key from ({CURRENT_ARTICLE_METADATA_SQL}) {where}").df()


def current_mentions(con: duckdb.DuckDBPyConnection, *, only_new_for: str | None = None) -> pd.DataFrame:
    """Mentions of current article versions (the ones dbt builds deals from), with their validation key;
    `only_new_for`: only those the named suite has not passed yet."""
    new = f"and {unvalidated(only_new_for, 'm.mention_id')}" if only_new_for else ""
    return con.execute(
        f"""
        select m.* exclude (field_evidence, confidence_reasons), m.mention_id as validation_key
        from raw.deal_mentions as m
        where exists (select 1 from ({CURRENT_ARTICLE_METADATA_SQL}) as a
                      where a.article_id = m.article_id and a.content_sha256 = m.content_sha256) {new}
        """
    ).df()


def deals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select * from marts.fct_deals").df()


def deal_stages(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each deal's stages with the date the previous stage was first reported, and whether the order holds."""
    frame = con.execute(
        """
        select
            s.deal_id,
            s.stage,
            s.first_reported_date,
            d.stage_regressed,
            lag(s.first_reported_date) over (partition by s.deal_id order by s.stage_rank) as previous_stage_date,
        from marts.fct_deal_stages as s
        inner join marts.fct_deals as d on s.deal_id = d.deal_id
        """
    ).df()
    frame["stage_order_ok"] = (
        frame["previous_stage_date"].isna()
        | frame["first_reported_date"].isna()
        | (frame["first_reported_date"] >= frame["previous_stage_date"])
        | frame["stage_regressed"].astype(bool)
    )
    return frame


def umbrella_totals(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each umbrella total beside the sum of the deal amounts it names as its parts (same currency)."""
    return con.execute(
        """
        with totals as (
            select t.total_id, t.article_id, t.amount, t.currency, unnest(r.part_amount_starts) as part_start
            from marts.fct_announced_totals as t
            inner join raw.announced_totals as r on t.total_id = r.total_id
            where t.kind = 'total' and len(r.part_amount_starts) > 0
        ),
        parts as (
            select m.mention_id, m.article_id, f.amount, f.currency,
                   cast(json_extract(m.field_evidence, '$.amount[0]') as integer) as amount_start
            from raw.deal_mentions as m
            inner join marts.fct_deal_mentions as f on m.mention_id = f.mention_id
        )
        select
            t.total_id,
            any_value(t.amount) * 1.005 as total_with_margin,
            coalesce(sum(p.amount) filter (where p.currency = t.currency), 0) as parts_sum,
        from totals as t
        left join parts as p on t.article_id = p.article_id and t.part_start = p.amount_start
        group by t.total_id
        """
    ).df()


def mart_with_totals(con: duckdb.DuckDBPyConnection, mart: str) -> tuple[pd.DataFrame, int, float]:
    """A mart's rows (with memoranda and committed money added up), and fct_deals' deal count and USD sum."""
    frame = con.execute(f"select * from marts.{mart}").df()
    frame["all_usd"] = frame["memorandum_usd"] + frame["committed_usd"]
    count, usd = con.execute("select count(*), coalesce(sum(amount_usd), 0) from marts.fct_deals").fetchall()[0]
    return frame, count, float(usd)


def registry_code_lists(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str]]:
    kato = [r[0] for r in con.execute("select code from raw.kato where depth <= 2").fetchall()]
    oked = [r[0] for r in con.execute("select code_dotted from raw.oked").fetchall()]
    return kato, oked
