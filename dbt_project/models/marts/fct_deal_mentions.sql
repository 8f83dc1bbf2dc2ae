-- Incremental on each row's digest (row_digest: every column, the deal id included). A build writes only the rows
-- that are new or changed (a new article, another deal, a correction, a rate) and deletes the mentions that are
-- no longer current; the rows of the other mentions stay as they are. The daily full build, and any build after
-- the dbt project changed, rebuilds the table whole (--full-refresh, orchestration/defs/transform.py).
{{ incremental_on_row_digest('mention_id', ["select mention_id from {{ ref('int_deal_mentions_resolved') }}"]) }}

with resolved as (
    select * from {{ ref('int_deal_mentions_resolved') }}
),

final as (
    select
        mention_id,
        deal_id,
        article_id,
        source_file,
        partner_name,
        partner_country,
        region_kato,
        district_kato,
        oked,
        amount,
        currency,
        amount_approximate,
        amount_text,
        status,
        capacity_value,
        capacity_unit,
        jobs,
        start_year,
        completion_year,
        evidence,
        evidence_start,
        evidence_end,
        confidence,
        confidence_reasons,
        published_date,
        published_precision,
        outlet,
        url,
        lang,
        article_title,
        amount_kzt,
        amount_usd,
        fx_rate_basis,
        fx_rate_date,
        fx_kzt_per_unit,
        fx_usd_per_unit,
        fx_rate_missing,
    from resolved
)

{{ changed_rows('final', 'mention_id') }}
