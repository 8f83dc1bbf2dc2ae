-- One row per deal and stage it was reported at: the date it was first reported at that stage, and the mention
-- and article that reported it first. A stage reported after a later stage had already been reported is
-- flagged (reported_after_later_stage): the same ordering as fct_deals.stage_regressed, so the two agree.
with mentions as (
    select * from {{ ref('fct_deal_mentions') }}
    where status is not null
),

ordered as (
    select
        deal_id,
        status as stage,
        {{ status_rank('status') }} as stage_rank,
        published_date,
        mention_id,
        url,
        source_file,
        {{ status_rank('status') }} < max({{ status_rank('status') }}) over (
            partition by deal_id order by published_date, mention_id
            rows between unbounded preceding and 1 preceding
        ) as after_later_stage,
        row_number() over (
            partition by deal_id, status order by published_date nulls last, mention_id
        ) as rank_in_stage,
    from mentions
),

stage_summary as (
    select
        deal_id,
        stage,
        count(*) as mention_count,
        coalesce(bool_or(after_later_stage), false) as reported_after_later_stage,
    from ordered
    group by deal_id, stage
),

final as (
    select
        o.deal_id,
        o.stage,
        o.stage_rank,
        o.published_date as first_reported_date,
        o.mention_id,
        o.url as source_url,
        o.source_file,
        s.mention_count,
        s.reported_after_later_stage,
    from ordered as o
    inner join stage_summary as s on o.deal_id = s.deal_id and o.stage = s.stage
    where o.rank_in_stage = 1
)

select * from final
