-- A view, not a table: it feeds two tables (int_deals_corrected, fct_deal_mentions), each reading it once per
-- build; as a table every mention row (with its evidence and article columns) was written once more per build,
-- about 0.9 s at 50,000 articles (docs/benchmarks.md).
{{ config(materialized='view') }}

-- Mentions with their deal and the analysts' mention-level corrections applied; "not a deal" leaves here.
-- Overrides replace a field of one mention (status, partner, country, district, OKED); a district override
-- also sets the region it belongs to. Deal-level overrides are applied to fct_deals (int_deals_corrected).
with assigned as (
    select * from {{ ref('int_deal_mentions_assigned') }}
),

corrections as (
    select * from {{ ref('int_corrections_parsed') }}
),

mention_overrides as (
    select
        target_id as mention_id,
        max(new_value) filter (where field = 'status') as status,
        max(new_value) filter (where field = 'partner_name') as partner_name,
        max(new_value) filter (where field = 'partner_country') as partner_country,
        max(new_value) filter (where field = 'district_kato') as district_kato,
        max(new_value) filter (where field = 'oked') as oked,
    from corrections
    where target = 'mention' and field in ('status', 'partner_name', 'partner_country', 'district_kato', 'oked')
    group by target_id
),

notes as (
    -- every correction that touches a mention: its own, and those of its deal
    select a.mention_id, string_agg(c.applied_note, '; ' order by c.correction_id) as corrections_applied,
    from assigned as a
    inner join corrections as c
        on (c.target = 'mention' and c.target_id = a.mention_id)
        or (c.target = 'deal' and c.target_id = a.deal_id)
        or (c.field = 'merge' and c.new_value = a.deal_id)
    group by a.mention_id
),

excluded as (
    select distinct a.mention_id
    from assigned as a
    inner join corrections as c
        on c.field = 'not_a_deal'
        and ((c.target = 'mention' and c.target_id = a.mention_id) or (c.target = 'deal' and c.target_id = a.deal_id))
),

corrected as (
    select
        a.* replace (
            coalesce(o.status, a.status) as status,
            coalesce(o.partner_name, a.partner_name) as partner_name,
            coalesce(o.partner_country, a.partner_country) as partner_country,
            coalesce(left(o.district_kato, 2) || '0000000', a.region_kato) as region_kato,
            coalesce(o.district_kato, a.district_kato) as district_kato,
            coalesce(o.oked, a.oked) as oked
        ),
        n.corrections_applied,
    from assigned as a
    left join mention_overrides as o on a.mention_id = o.mention_id
    left join notes as n on a.mention_id = n.mention_id
    where a.mention_id not in (select mention_id from excluded)
)

select * from corrected
