{#
  Counts and USD/KZT sums of deals per `key_column`, split by status so that memoranda are never summed
  with committed money (which statuses commit money: the seed deal_statuses). Rows with a null key fall into
  'unknown', so the totals reconcile with fct_deals.
#}
{% macro investment_by_status(relation, key_expression) -%}
    select
        coalesce({{ key_expression }}, 'unknown') as group_key,
        count(*) as deal_count,
        count(*) filter (where status = 'memorandum') as memorandum_count,
        count(*) filter (where status = 'agreement') as agreement_count,
        count(*) filter (where status = 'construction') as construction_count,
        count(*) filter (where status = 'commissioned') as commissioned_count,
        count(*) filter (where amount_usd is null) as deals_without_usd_amount,
        coalesce(sum(amount_usd) filter (where status = 'memorandum'), 0) as memorandum_usd,
        coalesce(sum(amount_usd) filter (where status = 'agreement'), 0) as agreement_usd,
        coalesce(sum(amount_usd) filter (where status = 'construction'), 0) as construction_usd,
        coalesce(sum(amount_usd) filter (where status = 'commissioned'), 0) as commissioned_usd,
        coalesce(sum(amount_usd) filter (where {{ is_committed('status') }}), 0) as committed_usd,
        coalesce(sum(amount_kzt) filter (where status = 'memorandum'), 0) as memorandum_kzt,
        coalesce(sum(amount_kzt) filter (where status = 'agreement'), 0) as agreement_kzt,
        coalesce(sum(amount_kzt) filter (where status = 'construction'), 0) as construction_kzt,
        coalesce(sum(amount_kzt) filter (where status = 'commissioned'), 0) as commissioned_kzt,
        coalesce(sum(amount_kzt) filter (where {{ is_committed('status') }}), 0) as committed_kzt,
    from {{ relation }}
    group by 1
{%- endmacro %}
