-- What most deserves a human look, most urgent first: quarantined values, stages going backwards,
-- outlets that disagree, figures not counted in the sums, amounts that could not be converted, and
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

items as (
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
