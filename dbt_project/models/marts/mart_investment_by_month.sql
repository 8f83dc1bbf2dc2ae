-- Deals by the month they were first reported.
with deals as (
    select * from {{ ref('fct_deals') }}
),

by_month as ({{ investment_by_status('deals', "strftime(first_reported_date, '%Y-%m')") }}),

final as (
    select
        b.group_key as year_month,
        b.* exclude (group_key),
    from by_month as b
)

select * from final
