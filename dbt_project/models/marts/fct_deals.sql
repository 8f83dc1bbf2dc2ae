-- One row per real-world deal. Rules (docs/architecture.md):
--   status: the latest stage any mention reports; a later article reporting an earlier stage is flagged.
--   amount: a precise figure beats an approximate one, then the most recent, then the most confident.
--   partner, country, place, sector: the value stated by the most mentions (ties: confidence, recency).
--   A conflict flag is set where mentions disagree (amounts more than 5% apart in USD, or two places/partners).
--   Analysts' deal-level corrections (seeds/corrections.csv) override the machine's choice (docs/resolution.md).
with mentions as (
    select * from {{ ref('fct_deal_mentions') }}
),

corrections as (
    -- analysts' deal-level overrides and notes; partner_conflict compares names across scripts (resolution)
    select * from {{ ref('int_deals_corrected') }}
),

deal_spans as (
    select
        deal_id,
        count(*) as mention_count,
        count(distinct coalesce(outlet, source_file)) as outlet_count,
        min(published_date) as first_reported_date,
        max(published_date) as last_reported_date,
        max({{ status_rank('status') }}) as status_rank,
        min(confidence) as min_confidence,
        max(amount_usd) as max_amount_usd,
        min(amount_usd) as min_amount_usd,
    from mentions
    group by deal_id
),

stage_order as (
    select
        deal_id,
        bool_or(stage_after < stage_before) as stage_regressed,
    from (
        select
            deal_id,
            {{ status_rank('status') }} as stage_after,
            max({{ status_rank('status') }}) over (
                partition by deal_id order by published_date, mention_id
                rows between unbounded preceding and 1 preceding
            ) as stage_before,
        from mentions
    )
    group by deal_id
),

amount_choice as (
    select
        deal_id,
        mention_id as amount_mention_id,
        amount,
        currency,
        amount_approximate,
        amount_kzt,
        amount_usd,
        fx_rate_basis,
        fx_rate_date,
        fx_rate_missing,
        evidence as amount_evidence,
        url as amount_source_url,
    from (
        select
            *,
            row_number() over (
                partition by deal_id
                order by amount_approximate, published_date desc nulls last, confidence desc, mention_id
            ) as amount_rank,
        from mentions
        where amount is not null
    )
    where amount_rank = 1
),

evidence_choice as (
    select deal_id, evidence, url as source_url, source_file,
    from (
        select
            *,
            row_number() over (
                partition by deal_id order by published_date desc nulls last, confidence desc, mention_id
            ) as evidence_rank,
        from mentions
    )
    where evidence_rank = 1
),

partner as ({{ most_supported_value('mentions', 'partner_name') }}),
country as ({{ most_supported_value('mentions', 'partner_country') }}),
region as ({{ most_supported_value('mentions', 'region_kato') }}),
district as ({{ most_supported_value('mentions', 'district_kato') }}),
sector as ({{ most_supported_value('mentions', 'oked') }}),
capacity as ({{ most_supported_value('mentions', 'capacity_value') }}),
capacity_unit as ({{ most_supported_value('mentions', 'capacity_unit') }}),
jobs as ({{ most_supported_value('mentions', 'jobs') }}),
start_year as ({{ most_supported_value('mentions', 'start_year') }}),
completion_year as ({{ most_supported_value('mentions', 'completion_year') }}),

final as (
    select
        s.deal_id,
        coalesce(dc.status, (
            select ds_status from (select status as ds_status, stage_rank as ds_rank from {{ ref('deal_statuses') }})
            where ds_rank = s.status_rank
        )) as status,
        coalesce(dc.partner_name, p.partner_name) as partner_name,
        coalesce(dc.partner_country, c.partner_country) as partner_country,
        coalesce(dc.region_kato, r.region_kato) as region_kato,
        coalesce(dc.district_kato, d.district_kato) as district_kato,
        coalesce(dc.oked, o.oked) as oked,
        left(regexp_replace(coalesce(dc.oked, o.oked), '[^0-9]', '', 'g'), 2) as oked_division,
        coalesce(dc.amount, a.amount) as amount,
        if(dc.amount is null, a.currency, dc.currency) as currency,
        coalesce(dc.amount is null and a.amount_approximate, false) as amount_approximate,
        if(dc.amount is null, a.amount_kzt, dc.amount_kzt) as amount_kzt,
        if(dc.amount is null, a.amount_usd, dc.amount_usd) as amount_usd,
        if(dc.amount is null, a.fx_rate_basis, dc.fx_rate_basis) as fx_rate_basis,
        if(dc.amount is null, a.fx_rate_date, dc.fx_rate_date) as fx_rate_date,
        if(dc.amount is null, coalesce(a.fx_rate_missing, false), dc.fx_rate_basis is null) as fx_rate_missing,
        cap.capacity_value,
        cu.capacity_unit,
        j.jobs,
        sy.start_year,
        cy.completion_year,
        s.first_reported_date,
        s.last_reported_date,
        s.mention_count,
        s.outlet_count,
        s.min_confidence,
        coalesce(so.stage_regressed, false) as stage_regressed,
        (
            coalesce(s.max_amount_usd > 1.05 * s.min_amount_usd, false)
            or coalesce(dc.partner_conflict, coalesce(p.partner_name_values, 0) > 1)
            or coalesce(d.district_kato_values, 0) > 1
        ) as has_conflict,
        coalesce(a.amount_evidence, e.evidence) as evidence,
        coalesce(a.amount_source_url, e.source_url) as source_url,
        e.source_file,
        dc.corrections_applied,
    from deal_spans as s
    left join corrections as dc on s.deal_id = dc.deal_id
    left join stage_order as so on s.deal_id = so.deal_id
    left join amount_choice as a on s.deal_id = a.deal_id
    left join evidence_choice as e on s.deal_id = e.deal_id
    left join partner as p on s.deal_id = p.deal_id
    left join country as c on s.deal_id = c.deal_id
    left join region as r on s.deal_id = r.deal_id
    left join district as d on s.deal_id = d.deal_id
    left join sector as o on s.deal_id = o.deal_id
    left join capacity as cap on s.deal_id = cap.deal_id
    left join capacity_unit as cu on s.deal_id = cu.deal_id
    left join jobs as j on s.deal_id = j.deal_id
    left join start_year as sy on s.deal_id = sy.deal_id
    left join completion_year as cy on s.deal_id = cy.deal_id
)

select * from final
