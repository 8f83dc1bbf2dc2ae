-- Every converted mention with the deal the Python resolution step assigned it (raw.mention_resolution).
-- A mention the step has not seen yet is its own deal, 'deal_' || mention_id: the id resolution would give it.
with converted as (
    select * from {{ ref('int_deal_mentions_converted') }}
),

resolution as (
    select * from {{ source('raw', 'mention_resolution') }}
),

assigned as (
    select
        c.*,
        coalesce(r.deal_id, 'deal_' || c.mention_id) as deal_id,
        coalesce(r.rule, 'unresolved') as resolution_rule,
        r.score as resolution_score,
        r.merged_from,
        coalesce(r.partner_conflict, false) as partner_conflict,
    from converted as c
    left join resolution as r on c.mention_id = r.mention_id
)

select * from assigned
