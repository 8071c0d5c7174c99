-- plan per call: the period (and the offset) decide between index walks and scans (db/open-pg-database.ts)
-- The closed-loop KPIs of the incidents reported in [$1, $2), per group and in total (one scan,
-- GROUPING SETS). $3 is the as-of time for overdue (the end of the period, or now if earlier).
-- Placeholders in double braces are filled by compute-kpi.ts from fixed lists, never from a
-- request: KEY (the group expression), SCOPE (scopePredicate() output), FILTERS (area, department).
-- The definitions are those of README "KPIs" and compute-kpi.ts; change them together.
SELECT {{KEY}} AS key,
       GROUPING({{KEY}}) = 1 AS is_total,
       count(*)::int AS total,
       count(*) FILTER (WHERE i.status NOT IN ('reported', 'rejected', 'merged'))::int AS accepted,
       count(*) FILTER (WHERE i.status = 'rejected')::int AS rejected,
       count(*) FILTER (WHERE i.status = 'merged')::int AS merged,
       count(*) FILTER (WHERE i.status IN ('dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'))::int AS routed,
       count(*) FILTER (WHERE i.status IN ('closed', 'evaluated'))::int AS closed,
       count(*) FILTER (WHERE i.status IN ('closed', 'evaluated') AND i.closed_at <= i.due_at)::int AS on_time,
       count(*) FILTER (WHERE i.status IN ('dispatched', 'signed', 'handled', 'verified') AND i.due_at < $3)::int AS overdue_open,
       count(*) FILTER (WHERE i.status IN ('closed', 'evaluated') AND i.closed_at > i.due_at)::int AS closed_late,
       COALESCE(sum(i.rework_count), 0)::int AS rework,
       count(*) FILTER (WHERE i.rework_count > 0)::int AS reworked,
       COALESCE(sum(i.extension_count), 0)::int AS extensions,
       COALESCE(sum(i.return_count), 0)::int AS returns,
       COALESCE(sum(i.escalation_count), 0)::int AS escalations,
       count(*) FILTER (WHERE i.status = 'shelved')::int AS shelved,
       count(*) FILTER (WHERE i.self_resolved)::int AS self_resolved,
       avg(extract(epoch FROM i.closed_at - i.reported_at) / 3600)
         FILTER (WHERE i.status IN ('closed', 'evaluated'))::float8 AS close_hours_mean,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.closed_at - i.reported_at) / 3600)
         FILTER (WHERE i.status IN ('closed', 'evaluated'))::float8 AS close_hours_p90,
       avg(i.satisfaction)::float8 AS satisfaction_mean,
       count(i.satisfaction)::int AS satisfaction_count
  FROM incident i
 WHERE i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz
   AND {{SCOPE}} AND {{FILTERS}}
 GROUP BY GROUPING SETS (({{KEY}}), ())
