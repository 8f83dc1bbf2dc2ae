-- Every rate the warehouse may use, in one shape: per currency and date (daily) or year (annual),
-- how many tenge and how many US dollars one unit of the currency is worth.
with daily as (
    select * from {{ ref('stg_raw__fx_rates_daily') }}
),

daily_usd as (
    select rate_date, kzt_per_unit as kzt_per_usd
    from daily
    where currency = 'USD'
),

daily_rates as (
    -- the feed quotes foreign currencies in tenge; tenge itself is 1 tenge on every date the feed has
    select
        'nbk_daily' as rate_basis,
        d.rate_date,
        year(d.rate_date) as rate_year,
        d.currency,
        d.kzt_per_unit,
        d.kzt_per_unit / u.kzt_per_usd as usd_per_unit,
    from daily as d
    inner join daily_usd as u on d.rate_date = u.rate_date
    union all
    select
        'nbk_daily' as rate_basis,
        rate_date,
        year(rate_date) as rate_year,
        'KZT' as currency,
        1.0 as kzt_per_unit,
        1.0 / kzt_per_usd as usd_per_unit,
    from daily_usd
),

annual as (
    select * from {{ ref('stg_raw__fx_rates_annual') }}
),

annual_kzt as (
    select rate_year, lcu_per_usd as kzt_per_usd
    from annual
    where currency = 'KZT'
),

annual_with_usd as (
    select currency, rate_year, lcu_per_usd from annual
    union all
    select 'USD' as currency, rate_year, 1.0 as lcu_per_usd from annual_kzt
),

annual_rates as (
    select
        'wb_annual' as rate_basis,
        make_date(a.rate_year, 1, 1) as rate_date,
        a.rate_year,
        a.currency,
        k.kzt_per_usd / a.lcu_per_usd as kzt_per_unit,
        1.0 / a.lcu_per_usd as usd_per_unit,
    from annual_with_usd as a
    inner join annual_kzt as k on a.rate_year = k.rate_year
),

unified as (
    select * from daily_rates
    union all
    select * from annual_rates
)

select * from unified
