-- Failures of extraction (raw.processing_errors) and of resolution (raw.resolution_errors), one list.
with source as (
    select * from {{ source('raw', 'processing_errors') }}
    union all by name
    select * from {{ source('raw', 'resolution_errors') }}
),

renamed as (
    select
        stage,
        record_id,
        article_id,
        content_sha256,
        source_file,
        mention_id,
        error_type,
        message,
        code_version,
        seen_at,
    from source
)

select * from renamed
