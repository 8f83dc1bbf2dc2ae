-- The current version of every article, from the input folder (raw.press_releases) and from live feeds
-- (raw.feed_items). Which version of an article is current is decided once, over both tables, when they are
-- written (warehouse/articles.py refresh_current_versions, by the rule of sources/versions.py: latest
-- publication date, then first seen latest, then last source name), so each article_id appears once here:
-- a feed item and a saved copy of the same page are two versions of one article, and only one of them is current.
with folder_articles as (
    select *, 'folder' as article_source, cast(null as varchar) as feed_name
    from {{ source('raw', 'press_releases') }}
    where is_current
),

feed_articles as (
    select *, 'feed' as article_source
    from {{ source('raw', 'feed_items') }}
    where is_current
),

current_versions as (
    select * from folder_articles
    union all by name
    select * from feed_articles
),

renamed as (
    select
        article_id,
        content_sha256,
        file_sha256,
        source_file,
        file_name,
        item_id,
        format as source_format,
        article_source,
        feed_name,
        title,
        published as published_date,
        published_precision,
        outlet,
        url,
        lang,
        text as article_text,
        first_seen_at,
        last_seen_at,
    from current_versions
)

select * from renamed
