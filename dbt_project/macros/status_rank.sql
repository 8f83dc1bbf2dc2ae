{# The order of a deal's lifecycle: a memorandum comes before an agreement, construction, commissioning. #}
{% macro status_rank(column) -%}
    case {{ column }}
        when 'memorandum' then 1
        when 'agreement' then 2
        when 'construction' then 3
        when 'commissioned' then 4
    end
{%- endmacro %}
