{#
    The rows of `cte` with their digest (row_digest: md5 of every column), and in an incremental build only those
    not already in the table as they are (new rows, and rows whose content changed). Used with
    materialized='incremental', unique_key=key, incremental_strategy='delete+insert': a changed row replaces the
    stored one; a post_hook deletes the keys the model no longer produces.
#}
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
