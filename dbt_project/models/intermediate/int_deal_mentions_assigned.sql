-- Every converted mention with the deal the Python resolution step assigned it (raw.mention_resolution).
-- Deal ids are assigned in one place, resolution/ (Python): a mention without an assignment (resolution has not
-- run on it yet, or could not read it: raw.processing_errors) is not a deal; review_queue lists it.
--
-- Incremental on each row's digest (row_digest: every other column, the deal id included), like
-- fct_deal_mentions: a build writes the new and changed rows and deletes those of mentions that are no longer
-- current or no longer assigned; the daily full build rebuilds the table whole (--full-refresh).
{{ incremental_on_row_digest('mention_id', [
    "select mention_id from {{ ref('int_deal_mentions_converted') }}",
    "select mention_id from {{ source('raw', 'mention_resolution') }}",
]) }}

with converted as (
    select * from {{ ref('int_deal_mentions_converted') }}
),

resolution as (
    select * from {{ source('raw', 'mention_resolution') }}
),

assigned as (
    select
        c.*,
        r.deal_id,
        r.rule as resolution_rule,
        r.score as resolution_score,
        r.merged_from,
        r.partner_conflict,
    from converted as c
    inner join resolution as r on c.mention_id = r.mention_id
)

{{ changed_rows('assigned', 'mention_id') }}
