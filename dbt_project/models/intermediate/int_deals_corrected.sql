-- Per deal, what analysts set by hand (deal-level field overrides) and every correction that touched it,
-- plus whether its mentions name partners that are not spellings of one name (from resolution).
-- fct_deals takes an override over the machine's choice and shows corrections_applied.
with corrections as (
    select * from {{ ref('int_corrections_parsed') }}
),

mentions as (
    select * from {{ ref('int_deal_mentions_resolved') }}
),

rates as (
    select * from {{ ref('int_fx_rates_unified') }}
    where rate_basis = 'wb_annual'
),

deals as (
    select
        deal_id,
        max(published_date) as last_reported_date,
        bool_or(partner_conflict) as partner_conflict,
    from mentions
    group by deal_id
),

notes as (
    -- corrections of the deal, of any of its mentions, and merges into it
    select d.deal_id, string_agg(distinct c.applied_note, '; ' order by c.applied_note) as corrections_applied,
    from deals as d
    inner join corrections as c
        on (c.target = 'deal' and c.target_id = d.deal_id)
        or (c.field = 'merge' and c.new_value = d.deal_id)
        or (c.target = 'mention' and c.target_id in (select m.mention_id from mentions as m where m.deal_id = d.deal_id))
    group by d.deal_id
),

overrides as (
    -- the latest correction of a field wins
    select
        target_id as deal_id,
        arg_max(new_value, corrected_on) filter (where field = 'status') as status,
        arg_max(new_value, corrected_on) filter (where field = 'partner_name') as partner_name,
        arg_max(new_value, corrected_on) filter (where field = 'partner_country') as partner_country,
        arg_max(new_value, corrected_on) filter (where field = 'district_kato') as district_kato,
        arg_max(new_value, corrected_on) filter (where field = 'oked') as oked,
        arg_max(new_amount, corrected_on) filter (where field = 'amount') as amount,
        arg_max(new_currency, corrected_on) filter (where field = 'amount') as currency,
    from corrections
    where target = 'deal'
    group by target_id
),

amount_rates as (
    -- an overridden amount is converted at the World Bank annual rate nearest the deal's last report
    select
        o.deal_id,
        r.rate_basis,
        r.rate_date,
        r.kzt_per_unit,
        r.usd_per_unit,
        row_number() over (
            partition by o.deal_id order by abs(r.rate_year - year(d.last_reported_date)), r.rate_year desc
        ) as rate_rank,
    from overrides as o
    inner join deals as d on o.deal_id = d.deal_id
    inner join rates as r on r.currency = o.currency
    where o.amount is not null
),

final as (
    select
        d.deal_id,
        o.status,
        o.partner_name,
        o.partner_country,
        o.district_kato,
        left(o.district_kato, 2) || '0000000' as region_kato,
        o.oked,
        o.amount,
        o.currency,
        o.amount * r.kzt_per_unit as amount_kzt,
        o.amount * r.usd_per_unit as amount_usd,
        r.rate_basis as fx_rate_basis,
        r.rate_date as fx_rate_date,
        d.partner_conflict,
        n.corrections_applied,
    from deals as d
    left join notes as n on d.deal_id = n.deal_id
    left join overrides as o on d.deal_id = o.deal_id
    left join amount_rates as r on d.deal_id = r.deal_id and r.rate_rank = 1
)

select * from final
