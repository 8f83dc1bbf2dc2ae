-- Regions, districts and cities of regional significance (KATO depth 1-2), plus an 'unknown' member.
with kato as (
    select * from {{ ref('stg_raw__kato') }}
),

units as (
    select
        u.kato_code as district_kato,
        u.unit_kind,
        u.name_ru,
        u.name_kk,
        u.name_en,
        u.region_kato_code as region_kato,
        r.name_ru as region_name_ru,
        r.name_kk as region_name_kk,
        r.name_en as region_name_en,
    from kato as u
    left join kato as r on u.region_kato_code = r.kato_code
    where u.depth <= 2
),

unknown as (
    select
        'unknown' as district_kato,
        'unknown' as unit_kind,
        'неизвестно' as name_ru,
        cast(null as varchar) as name_kk,
        'unknown' as name_en,
        'unknown' as region_kato,
        'неизвестно' as region_name_ru,
        cast(null as varchar) as region_name_kk,
        'unknown' as region_name_en,
)

select * from units
union all
select * from unknown
