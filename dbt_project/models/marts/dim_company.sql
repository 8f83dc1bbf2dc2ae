-- Partner companies as named in the mentions, with the country most often stated for them.
with mentions as (
    select * from {{ ref('fct_deal_mentions') }}
    where partner_name is not null
),

named as (
    select
        md5(lower(partner_name)) as company_id,
        partner_name,
        partner_country,
        count(*) as mention_count,
        min(published_date) as first_reported_date,
        max(published_date) as last_reported_date,
    from mentions
    group by all
),

ranked as (
    select
        *,
        row_number() over (
            partition by company_id order by mention_count desc, partner_country nulls last
        ) as country_rank,
        sum(mention_count) over (partition by company_id) as total_mentions,
    from named
),

final as (
    select
        company_id,
        partner_name,
        partner_country,
        total_mentions as mention_count,
        first_reported_date,
        last_reported_date,
    from ranked
    where country_rank = 1
)

select * from final
