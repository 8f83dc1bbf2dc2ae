-- Fails with the (deal, stage) pairs that appear more than once.
select deal_id, stage, count(*) as rows_per_stage
from {{ ref('fct_deal_stages') }}
group by deal_id, stage
having count(*) > 1
