-- Open incidents reported in [$1, $2) and past their due time at $3, per county and in total, read
-- from the partial index incident_open_due_idx. Placeholders: SCOPE and FILTERS over i.*.
SELECT i.county_code AS key, GROUPING(i.county_code) = 1 AS is_total, count(*)::int AS overdue_open
  FROM incident i
 WHERE i.status IN ('dispatched', 'signed', 'handled', 'verified') AND i.due_at < $3::timestamptz
   AND i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz AND {{SCOPE}} AND {{FILTERS}}
 GROUP BY GROUPING SETS ((i.county_code), ())
