-- ISO 3166-1 countries with English and Russian names, plus an 'unknown' member.
with countries as (
    select * from {{ ref('stg_raw__countries') }}
),

unknown as (
    select
        'unknown' as country_code,
        'unknown' as alpha_3,
        'unknown' as numeric_code,
        'unknown' as name_en,
        'unknown' as common_name_en,
        'неизвестно' as name_ru,
)

select country_code, alpha_3, numeric_code, name_en, common_name_en, name_ru from countries
union all
select * from unknown
