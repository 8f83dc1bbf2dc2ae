-- OKED codes at every level with their division and section, plus an 'unknown' member.
with oked as (
    select * from {{ ref('stg_raw__oked') }}
),

sections as (
    select oked_section, name_ru as section_name_ru from oked where oked_level = 'section'
),

divisions as (
    select oked_code as division_code, name_ru as division_name_ru from oked where oked_level = 'division'
),

codes as (
    select
        o.oked_code_dotted as oked,
        o.oked_code,
        o.oked_level,
        o.name_ru,
        o.oked_section,
        s.section_name_ru,
        case when o.oked_level = 'section' then null else left(o.oked_code, 2) end as oked_division,
        d.division_name_ru,
    from oked as o
    left join sections as s on o.oked_section = s.oked_section
    left join divisions as d on o.oked_level <> 'section' and left(o.oked_code, 2) = d.division_code
),

unknown as (
    select
        'unknown' as oked,
        'unknown' as oked_code,
        'unknown' as oked_level,
        'неизвестно' as name_ru,
        'unknown' as oked_section,
        'неизвестно' as section_name_ru,
        'unknown' as oked_division,
        'неизвестно' as division_name_ru,
)

select * from codes
union all
select * from unknown
