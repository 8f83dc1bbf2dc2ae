with source as (
    select * from {{ source('raw', 'rejected_values') }}
),

renamed as (
    select
        mention_id,
        article_id,
        content_sha256,
        source_file,
        field,
        value,
        reason,
        message,
    from source
)

select * from renamed
