{# The order of a deal's lifecycle, from the one file that defines it (seed deal_statuses, also read by Python:
   sources/statuses.py): a memorandum comes before an agreement, construction, commissioning. The seed's columns
   are renamed inside so that an unqualified `column` (e.g. status) binds to the caller's row. #}
{% macro status_rank(column) -%}
    (select ds_rank from (select status as ds_status, stage_rank as ds_rank from {{ ref('deal_statuses') }})
     where ds_status = {{ column }})
{%- endmacro %}

{# Whether a status commits money (memoranda do not), from the same seed. #}
{% macro is_committed(column) -%}
    coalesce((select ds_committed from (select status as ds_status, is_committed as ds_committed
                                        from {{ ref('deal_statuses') }})
              where ds_status = {{ column }}), false)
{%- endmacro %}
