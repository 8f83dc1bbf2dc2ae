with deals as (
    select * from {{ ref('fct_deals') }}
),

districts as (
    select * from {{ ref('dim_district') }}
),

-- a deal with a region but no district is counted on the region's own row, so nothing is lost
deals_placed as (
    select *, coalesce(district_kato, region_kato) as place_kato from deals
),

by_place as ({{ investment_by_status('deals_placed', 'place_kato') }}),

final as (
    select
        b.group_key as district_kato,
        d.unit_kind,
        d.name_ru as district_name_ru,
        d.region_kato,
        d.region_name_ru,
        b.* exclude (group_key),
    from by_place as b
    left join districts as d on b.group_key = d.district_kato
)

select * from final
