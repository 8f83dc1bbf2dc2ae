{#
  For each deal, the value of `column` stated by the most mentions; ties go to the more confident,
  then the more recent mention. Returns a query with (deal_id, <column>, <column>_values).
#}
{% macro most_supported_value(relation, column) -%}
    select
        deal_id,
        {{ column }},
        values_count as {{ column }}_values,
    from (
        select
            deal_id,
            {{ column }},
            count(*) over (partition by deal_id) as values_count,
            row_number() over (
                partition by deal_id
                order by mentions desc, best_confidence desc, last_published desc nulls last, {{ column }}
            ) as value_rank,
        from (
            select
                deal_id,
                {{ column }},
                count(*) as mentions,
                max(confidence) as best_confidence,
                max(published_date) as last_published,
            from {{ relation }}
            where {{ column }} is not null
            group by deal_id, {{ column }}
        )
    )
    where value_rank = 1
{%- endmacro %}
