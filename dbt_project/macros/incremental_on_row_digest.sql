{#
    Tables kept incrementally on each row's digest (row_digest: md5 of every column). In a model:

        {{ incremental_on_row_digest('mention_id', ["select mention_id from {{ ref('...') }}", ...]) }}
        with ... as (...)
        {{ changed_rows('last_cte', 'mention_id') }}

    A build inserts the rows that are new or whose content changed (delete+insert on the key replaces the stored
    row); then every row whose key is missing from one of the `current_keys` queries is deleted (the rows the model
    no longer produces). --full-refresh rebuilds the table whole.
#}
{% macro incremental_on_row_digest(key, current_keys) %}
{%- set stale = [] -%}
{%- for query in current_keys -%}
    {%- do stale.append(key ~ " not in (" ~ query ~ ")") -%}
{%- endfor -%}
{{ config(
    materialized='incremental',
    unique_key=key,
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    post_hook="delete from {{ this }} where " ~ stale | join(" or "),
) }}
{% endmacro %}

{% macro changed_rows(cte, key) %}
select *, md5({{ cte }}::varchar) as row_digest,
from {{ cte }}
{% if is_incremental() %}
where not exists (
    select 1 from {{ this }} as built
    where built.{{ key }} = {{ cte }}.{{ key }} and built.row_digest = md5({{ cte }}::varchar)
)
{% endif %}
{% endmacro %}
