with source as (
    select * from {{ source('raw', 'oked') }}
),

renamed as (
    select
        code as oked_code,
        code_dotted as oked_code_dotted,
        level as oked_level,
        name_ru,
        parent_code as parent_oked_code,
        section as oked_section,
        description_ru,
    from source
)

select * from renamed
