-- Analyst corrections, typed: an amount override "<number> <ISO currency>" split into its parts.
with corrections as (
    select * from {{ ref('corrections') }}
),

parsed as (
    select
        correction_id,
        target,
        target_id,
        field,
        new_value,
        reason,
        author,
        corrected_on,
        case when field = 'amount'
            then try_cast(replace(regexp_extract(new_value, '^\s*([0-9][0-9 .]*)', 1), ' ', '') as double)
        end as new_amount,
        case when field = 'amount'
            then upper(nullif(regexp_extract(new_value, '([A-Za-z]{3})\s*$', 1), ''))
        end as new_currency,
        correction_id || ' ' || field || ': ' || reason as applied_note,
    from corrections
)

select * from parsed
