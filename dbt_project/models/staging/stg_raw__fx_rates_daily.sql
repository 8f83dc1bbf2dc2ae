with source as (
    select * from {{ source('raw', 'fx_rates_daily') }}
),

renamed as (
    select
        cast(rate_date as date) as rate_date,
        upper(currency) as currency,
        -- the feed quotes some currencies per 10/100/1000 units: keep tenge per one unit
        cast(kzt_rate as double) / cast(quant as double) as kzt_per_unit,
        cast(quant as integer) as quant,
    from source
)

select * from renamed
