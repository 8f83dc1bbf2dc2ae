with source as (
    select * from {{ source('raw', 'announced_totals') }}
),

renamed as (
    select
        total_id,
        article_id,
        content_sha256,
        source_file,
        kind,
        cast(amount as double) as amount,
        upper(currency) as currency,
        amount_approximate,
        amount_text,
        region_kato,
        evidence,
        evidence_start,
        evidence_end,
    from source
)

select * from renamed
