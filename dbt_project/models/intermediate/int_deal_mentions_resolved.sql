-- Assign every mention its deal. Until the resolution step lands, each mention is its own deal.
with converted as (
    select * from {{ ref('int_deal_mentions_converted') }}
),

resolved as (
    select
        *,
        'deal_' || mention_id as deal_id,
    from converted
)

select * from resolved
