with source as (
    select * from {{ source('raw', 'rejected_inputs') }}
),

renamed as (
    select
        file as source_file,
        item,
        reason,
        message,
        content_sha256,
        first_seen_at,
        last_seen_at,
        run_id,
        is_current,
    from source
)

select * from renamed
