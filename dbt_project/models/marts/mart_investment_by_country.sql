with deals as (
    select * from {{ ref('fct_deals') }}
),

countries as (
    select * from {{ ref('dim_country') }}
),

by_country as ({{ investment_by_status('deals', 'partner_country') }}),

final as (
    select
        b.group_key as partner_country,
        c.name_en as country_name_en,
        c.name_ru as country_name_ru,
        b.* exclude (group_key),
    from by_country as b
    left join countries as c on b.group_key = c.country_code
)

select * from final
