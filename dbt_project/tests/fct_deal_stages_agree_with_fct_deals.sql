{{ config(meta={'dagster': {'ref': {'name': 'fct_deal_stages'}}}) }}
-- Fails with the deals whose lifecycle disagrees with fct_deals: the latest stage must be the deal's status
-- (unless an analyst overrode the status) and a regression in the stages must be fct_deals.stage_regressed.
with stages as (
    select
        deal_id,
        max(stage_rank) as top_rank,
        arg_max(stage, stage_rank) as top_stage,
        bool_or(reported_after_later_stage) as any_regression,
    from {{ ref('fct_deal_stages') }}
    group by deal_id
),

overridden as (
    select deal_id from {{ ref('int_deals_corrected') }} where status is not null
)

select d.deal_id, d.status, s.top_stage, d.stage_regressed, s.any_regression
from {{ ref('fct_deals') }} as d
inner join stages as s on d.deal_id = s.deal_id
where (d.status <> s.top_stage and d.deal_id not in (select deal_id from overridden))
    or d.stage_regressed <> s.any_regression
