with source as (
    select * from {{ source('raw', 'kato') }}
),

renamed as (
    select
        code as kato_code,
        name_ru,
        name_kk,
        name_en,
        parent_code as parent_kato_code,
        region_code as region_kato_code,
        cast(depth as integer) as depth,
        kind as unit_kind,
    from source
)

select * from renamed
