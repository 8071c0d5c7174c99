-- plan per call: the period (and the offset) decide between index walks and scans (db/open-pg-database.ts)
-- Open incidents reported in [$1, $2) that are not past due at $3 (due then or later, or without
-- a due time), per county, from the partial index incident_open_due_idx. The overdue
-- open ones are the rollup's open ones (routed − closed − shelved) less these: only the few still
-- within their time are walked. Placeholders: SCOPE and FILTERS over i.*.
SELECT i.county_code AS key, count(*)::int AS not_due
  FROM incident i
 WHERE i.status IN ('dispatched', 'signed', 'handled', 'verified') AND (i.due_at >= $3::timestamptz OR i.due_at IS NULL)
   AND i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz AND {{SCOPE}} AND {{FILTERS}}
 GROUP BY i.county_code
