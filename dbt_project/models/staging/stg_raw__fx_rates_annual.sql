with source as (
    select * from {{ source('raw', 'fx_rates_annual') }}
),

renamed as (
    select
        upper(currency) as currency,
        cast(year as integer) as rate_year,
        cast(lcu_per_usd as double) as lcu_per_usd,
        source as rate_source,
    from source
)

select * from renamed
