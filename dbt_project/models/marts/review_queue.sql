-- What most deserves a human look, most urgent first: records whose processing failed, quarantined values, stages
-- going backwards, outlets that disagree, figures not counted in the sums, amounts that could not be converted, and
-- low-confidence mentions.
with mentions as (
    select * from {{ ref('fct_deal_mentions') }}
),

deals as (
    select * from {{ ref('fct_deals') }}
),

rejected_values as (
    select * from {{ ref('fct_quarantine') }}
    where level = 'value'
),

failed_records as (
    select * from {{ ref('fct_quarantine') }}
    where level = 'record'
),

unresolved as (
    -- mentions of current articles that resolution has not assigned to a deal (nor failed on): not yet deals
    select m.mention_id, m.source_file, m.evidence
    from {{ ref('stg_raw__deal_mentions') }} as m
    inner join {{ ref('stg_raw__press_releases') }} as a
        on m.article_id = a.article_id and m.content_sha256 = a.content_sha256
    where not exists (select 1 from {{ ref('int_deal_mentions_assigned') }} as d where d.mention_id = m.mention_id)
      and not exists (select 1 from failed_records as f where f.mention_id = m.mention_id)
),

items as (
    select
        1 as priority,
        'processing_error' as issue,
        case when mention_id is null then 'article' else 'mention' end as item_type,
        coalesce(mention_id, source_file) as item_id,
        cast(null as varchar) as deal_id,
        source_file,
        cast(null as varchar) as url,
        message as detail,
        cast(null as varchar) as evidence,
    from failed_records
    union all
    select
        1 as priority,
        'unresolved' as issue,
        'mention' as item_type,
        mention_id as item_id,
        cast(null as varchar) as deal_id,
        source_file,
        cast(null as varchar) as url,
        'not assigned to a deal yet: run the resolution step (raw/mention_resolution)' as detail,
        evidence,
    from unresolved
    union all
    select
        1 as priority,
        'rejected_value' as issue,
        'mention' as item_type,
        v.mention_id as item_id,
        m.deal_id,
        v.source_file,
        m.url,
        v.message as detail,
        m.evidence,
    from rejected_values as v
    left join mentions as m on v.mention_id = m.mention_id
    union all
    select
        2 as priority,
        'stage_regressed' as issue,
        'deal' as item_type,
        deal_id as item_id,
        deal_id,
        source_file,
        source_url as url,
        'a later article reports an earlier stage than an earlier article; latest status kept: ' || status as detail,
        evidence,
    from deals
    where stage_regressed
    union all
    select
        3 as priority,
        'conflict' as issue,
        'deal' as item_type,
        deal_id as item_id,
        deal_id,
        source_file,
        source_url as url,
        'outlets disagree on amount, partner or district (' || mention_count || ' mentions)' as detail,
        evidence,
    from deals
    where has_conflict
    union all
    -- the money rule: a figure the extractor could not place as this one deal's amount (it may be a total of
    -- several projects, a target or a statistic) stays on the mention as written but out of every sum
    select
        4 as priority,
        'amount_not_counted' as issue,
        'mention' as item_type,
        mention_id as item_id,
        deal_id,
        source_file,
        url,
        'figure ' || coalesce(amount_text, '?') || ' not counted in the sums: '
            || coalesce(array_to_string(confidence_reasons, ', '), '') as detail,
        evidence,
    from mentions
    where list_contains(confidence_reasons, 'amount_not_counted')
    union all
    select
        4 as priority,
        'fx_rate_missing' as issue,
        'mention' as item_type,
        mention_id as item_id,
        deal_id,
        source_file,
        url,
        'no exchange rate for ' || currency || ' on ' || coalesce(cast(published_date as varchar), 'an unknown date')
            || ': amount not converted' as detail,
        evidence,
    from mentions
    where fx_rate_missing
    union all
    select
        5 as priority,
        'low_confidence' as issue,
        'mention' as item_type,
        mention_id as item_id,
        deal_id,
        source_file,
        url,
        'confidence ' || round(confidence, 2) || ': ' || coalesce(array_to_string(confidence_reasons, ', '), '')
            as detail,
        evidence,
    from mentions
    where confidence < 0.6 and not list_contains(confidence_reasons, 'amount_not_counted')
)

select * from items
order by priority, source_file, item_id
