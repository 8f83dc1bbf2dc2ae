-- One row per analyst correction, with what it touched: the deals and mentions it applies to, and for a
-- "not a deal" the evidence sentence and article that are now kept out of fct_deals and the marts.
with corrections as (
    select * from {{ ref('int_corrections_parsed') }}
),

mentions as (
    select * from {{ ref('int_deal_mentions_assigned') }}
),

affected as (
    select
        c.correction_id,
        m.mention_id,
        m.deal_id,
        m.evidence,
        m.url,
        m.published_date,
    from corrections as c
    inner join mentions as m
        on (c.target = 'mention' and c.target_id = m.mention_id)
        or (c.target = 'deal' and c.target_id = m.deal_id)
        or (c.field = 'merge' and c.new_value = m.deal_id)
),

summary as (
    select
        correction_id,
        count(distinct mention_id) as affected_mentions,
        string_agg(distinct deal_id, ', ' order by deal_id) as affected_deal_ids,
        arg_min(evidence, published_date) as evidence,
        arg_min(url, published_date) as source_url,
    from affected
    group by correction_id
),

final as (
    select
        c.correction_id,
        c.target,
        c.target_id,
        c.field,
        c.new_value,
        c.reason,
        c.author,
        c.corrected_on,
        case when s.correction_id is null then 'target_not_found' else 'applied' end as application_status,
        coalesce(s.affected_mentions, 0) as affected_mentions,
        s.affected_deal_ids,
        s.evidence,
        s.source_url,
    from corrections as c
    left join summary as s on c.correction_id = s.correction_id
)

select * from final
