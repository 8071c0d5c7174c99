-- plan per call: the period (and the offset) decide between index walks and scans (db/open-pg-database.ts)
-- The additive KPI figures per county from kpi_daily (whole Beijing days [$1, $2))
-- plus the raw rows of the partial days at either end ([$3, $4) and [$5, $6), either may be empty).
-- Means come out as sums (close_seconds, satisfaction_sum); the caller adds the counties up. Placeholders: ROLLUP_SCOPE and
-- ROLLUP_FILTERS over k.*, SCOPE and FILTERS over i.* (compute-kpi-rollup.ts).
WITH figures AS (
  SELECT k.county_code AS key, k.total, k.accepted, k.rejected, k.merged, k.routed, k.closed, k.on_time, k.closed_late,
         k.rework, k.reworked, k.extensions, k.returns, k.escalations, k.shelved, k.self_resolved, k.close_seconds,
         k.satisfaction_sum, k.satisfaction_count
    FROM kpi_daily k
   WHERE k.day >= $1::date AND k.day < $2::date AND {{ROLLUP_SCOPE}} AND {{ROLLUP_FILTERS}}
  UNION ALL
  SELECT i.county_code, 1, (i.status NOT IN ('reported', 'rejected', 'merged'))::int, (i.status = 'rejected')::int,
         (i.status = 'merged')::int,
         (i.status IN ('dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'))::int,
         (i.status IN ('closed', 'evaluated'))::int, (i.status IN ('closed', 'evaluated') AND i.closed_at <= i.due_at)::int,
         (i.status IN ('closed', 'evaluated') AND i.closed_at > i.due_at)::int, i.rework_count, (i.rework_count > 0)::int,
         i.extension_count, i.return_count, i.escalation_count, (i.status = 'shelved')::int, i.self_resolved::int,
         CASE WHEN i.status IN ('closed', 'evaluated') THEN extract(epoch FROM i.closed_at - i.reported_at) ELSE 0 END,
         COALESCE(i.satisfaction, 0), (i.satisfaction IS NOT NULL)::int
    FROM incident i
   WHERE ((i.reported_at >= $3::timestamptz AND i.reported_at < $4::timestamptz)
       OR (i.reported_at >= $5::timestamptz AND i.reported_at < $6::timestamptz))
     AND {{SCOPE}} AND {{FILTERS}}
)
SELECT key, sum(total)::int AS total, sum(accepted)::int AS accepted,
       sum(rejected)::int AS rejected, sum(merged)::int AS merged, sum(routed)::int AS routed, sum(closed)::int AS closed,
       sum(on_time)::int AS on_time, sum(closed_late)::int AS closed_late, sum(rework)::int AS rework,
       sum(reworked)::int AS reworked, sum(extensions)::int AS extensions, sum(returns)::int AS returns,
       sum(escalations)::int AS escalations, sum(shelved)::int AS shelved, sum(self_resolved)::int AS self_resolved,
       sum(close_seconds)::float8 AS close_seconds, sum(satisfaction_sum)::int AS satisfaction_sum,
       sum(satisfaction_count)::int AS satisfaction_count
  FROM figures
 GROUP BY key
