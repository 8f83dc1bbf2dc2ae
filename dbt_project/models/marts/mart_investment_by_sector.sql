with deals as (
    select * from {{ ref('fct_deals') }}
),

sectors as (
    select oked_division, division_name_ru, oked_section, section_name_ru
    from {{ ref('dim_sector') }}
    where oked_level = 'division' or oked = 'unknown'
),

by_division as ({{ investment_by_status('deals', "nullif(oked_division, '')") }}),

final as (
    select
        b.group_key as oked_division,
        s.division_name_ru,
        s.oked_section,
        s.section_name_ru,
        b.* exclude (group_key),
    from by_division as b
    left join sectors as s on b.group_key = s.oked_division
)

select * from final
