with source as (
    select * from {{ source('raw', 'deal_mentions') }}
),

renamed as (
    select
        mention_id,
        article_id,
        content_sha256,
        source_file,
        nullif(trim(partner_name), '') as partner_name,
        upper(partner_country) as partner_country,
        region_kato,
        district_kato,
        oked,
        cast(amount as double) as amount,
        upper(currency) as currency,
        amount_approximate,
        amount_text,
        status,
        cast(capacity_value as double) as capacity_value,
        capacity_unit,
        cast(jobs as integer) as jobs,
        cast(start_year as integer) as start_year,
        cast(completion_year as integer) as completion_year,
        evidence,
        evidence_start,
        evidence_end,
        cast(confidence as double) as confidence,
        confidence_reasons,
        field_evidence,
        extractor_version,
    from source
)

select * from renamed
