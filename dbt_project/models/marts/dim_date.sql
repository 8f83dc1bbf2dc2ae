-- Calendar from 2000 to 2040: enough for every publication and project year.
with days as (
    select cast(d as date) as date_day
    from range(date '2000-01-01', date '2041-01-01', interval 1 day) as t(d)
),

final as (
    select
        date_day,
        year(date_day) as year,
        quarter(date_day) as quarter,
        month(date_day) as month,
        cast(date_trunc('month', date_day) as date) as month_start,
        strftime(date_day, '%Y-%m') as year_month,
        dayofweek(date_day) as day_of_week,
    from days
)

select * from final
