with source as (
    select * from {{ source('raw', 'countries') }}
),

renamed as (
    select
        alpha_2 as country_code,
        alpha_3,
        numeric as numeric_code,
        name_en,
        common_name_en,
        name_ru,
    from source
)

select * from renamed
