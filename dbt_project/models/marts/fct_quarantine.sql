-- Everything that was kept out of the facts, with the reason: whole inputs, records whose processing raised
-- (an article's extraction, a mention's screening or resolution) and single extracted values.
with inputs as (
    select * from {{ ref('stg_raw__rejected_inputs') }}
    where is_current
),

values_ as (
    select v.*
    from {{ ref('stg_raw__rejected_values') }} as v
    inner join {{ ref('stg_raw__press_releases') }} as a
        on v.article_id = a.article_id and v.content_sha256 = a.content_sha256
),

errors as (
    -- failures of the current article versions only: an edited article is extracted again
    select e.*
    from {{ ref('stg_raw__processing_errors') }} as e
    inner join {{ ref('stg_raw__press_releases') }} as a
        on e.article_id = a.article_id and e.content_sha256 = a.content_sha256
),

final as (
    select
        'input' as level,
        source_file,
        item,
        cast(null as varchar) as mention_id,
        cast(null as varchar) as field,
        cast(null as varchar) as value,
        reason,
        message,
        first_seen_at,
        last_seen_at,
    from inputs
    union all
    select
        'record' as level,
        source_file,
        cast(null as varchar) as item,
        mention_id,
        cast(null as varchar) as field,
        cast(null as varchar) as value,
        'processing_error' as reason,
        message,
        seen_at as first_seen_at,
        seen_at as last_seen_at,
    from errors
    union all
    select
        'value' as level,
        source_file,
        cast(null as varchar) as item,
        mention_id,
        field,
        value,
        reason,
        message,
        cast(null as timestamp) as first_seen_at,
        cast(null as timestamp) as last_seen_at,
    from values_
)

select * from final
