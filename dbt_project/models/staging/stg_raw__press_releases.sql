with source as (
    select * from {{ source('raw', 'press_releases') }}
),

current_versions as (
    select
        article_id,
        content_sha256,
        file_sha256,
        source_file,
        file_name,
        item_id,
        format as source_format,
        title,
        published as published_date,
        published_precision,
        outlet,
        url,
        lang,
        text as article_text,
        first_seen_at,
        last_seen_at,
    from source
    where is_current
)

select * from current_versions
