-- Times to close (seconds) of the closed incidents reported in [$1, $2), slowest first, from the
-- $3-th on, two of them: the neighbours a percentile interpolates between, read from the top of
-- incident_close_time_county_idx / incident_close_time_idx. KEY picks the county ($4) or all;
-- SCOPE and FILTERS are over i.*.
SELECT extract(epoch FROM i.closed_at - i.reported_at)::float8 AS seconds
  FROM incident i
 WHERE i.status IN ('closed', 'evaluated') AND {{KEY}}
   AND i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz AND {{SCOPE}} AND {{FILTERS}}
 ORDER BY (i.closed_at - i.reported_at) DESC
OFFSET $3 LIMIT 2
