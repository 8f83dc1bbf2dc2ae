-- Umbrella totals, targets and statistics: stated money that is not a deal. Never summed with fct_deals.
with totals as (
    select * from {{ ref('stg_raw__announced_totals') }}
),

articles as (
    select * from {{ ref('stg_raw__press_releases') }}
),

final as (
    select
        t.total_id,
        t.article_id,
        t.source_file,
        t.kind,
        t.amount,
        t.currency,
        t.amount_approximate,
        t.amount_text,
        t.region_kato,
        t.evidence,
        t.evidence_start,
        t.evidence_end,
        a.published_date,
        a.outlet,
        a.url,
    from totals as t
    inner join articles as a
        on t.article_id = a.article_id and t.content_sha256 = a.content_sha256
)

select * from final
