-- A view, not a table: it feeds one table (int_deal_mentions_assigned, incremental), which reads it once for its
-- rows and once for the ids of the current mentions; as a table every mention row (with its evidence and article
-- columns) was written once more per build, about 0.9 s at 50,000 articles (docs/benchmarks.md).
{{ config(materialized='view') }}

-- Mentions joined to their article and converted to KZT and USD at the rate of the publication date:
-- the National Bank daily rate (on that day or the closest earlier day within a week), else the World Bank
-- annual average of that year. A partial publication date (a month, a year) names no day, so it takes the annual
-- average of its year. No rate means null amounts and a flag, never a guessed rate.
with mentions as (
    select * from {{ ref('stg_raw__deal_mentions') }}
),

articles as (
    select * from {{ ref('stg_raw__press_releases') }}
),

rates as (
    select * from {{ ref('int_fx_rates_unified') }}
),

mentions_with_articles as (
    select
        m.*,
        a.published_date,
        a.published_precision,
        a.outlet,
        a.url,
        a.lang,
        a.title as article_title,
        a.source_format,
    from mentions as m
    inner join articles as a
        on m.article_id = a.article_id and m.content_sha256 = a.content_sha256
),

daily_candidates as (
    select
        m.mention_id,
        r.rate_basis,
        r.rate_date,
        r.kzt_per_unit,
        r.usd_per_unit,
        row_number() over (partition by m.mention_id order by r.rate_date desc) as rate_rank,
    from mentions_with_articles as m
    inner join rates as r
        on r.rate_basis = 'nbk_daily'
        and coalesce(m.published_precision, 'day') = 'day'
        and r.currency = m.currency
        and r.rate_date <= m.published_date
        and r.rate_date > m.published_date - interval 7 day
),

annual_candidates as (
    select
        m.mention_id,
        r.rate_basis,
        r.rate_date,
        r.kzt_per_unit,
        r.usd_per_unit,
    from mentions_with_articles as m
    inner join rates as r
        on r.rate_basis = 'wb_annual'
        and r.currency = m.currency
        and r.rate_year = year(m.published_date)
),

chosen_rates as (
    select
        m.mention_id,
        coalesce(d.rate_basis, a.rate_basis) as fx_rate_basis,
        coalesce(d.rate_date, a.rate_date) as fx_rate_date,
        coalesce(d.kzt_per_unit, a.kzt_per_unit) as fx_kzt_per_unit,
        coalesce(d.usd_per_unit, a.usd_per_unit) as fx_usd_per_unit,
    from mentions_with_articles as m
    left join daily_candidates as d on m.mention_id = d.mention_id and d.rate_rank = 1
    left join annual_candidates as a on m.mention_id = a.mention_id
),

converted as (
    select
        m.*,
        r.fx_rate_basis,
        r.fx_rate_date,
        r.fx_kzt_per_unit,
        r.fx_usd_per_unit,
        m.amount * r.fx_kzt_per_unit as amount_kzt,
        m.amount * r.fx_usd_per_unit as amount_usd,
        m.amount is not null and r.fx_rate_basis is null as fx_rate_missing,
    from mentions_with_articles as m
    left join chosen_rates as r on m.mention_id = r.mention_id
)

select * from converted
