with source as (
    select * from {{ source('raw', 'processing_errors') }}
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
