-- plan per call: the period (and the offset) decide between index walks and scans (db/open-pg-database.ts)
-- Times to close (seconds) of the closed incidents reported in [$1, $2), slowest first, from the
-- $3-th on, two of them: the neighbours a percentile interpolates between, read from the top of
-- incident_close_time_county_idx / incident_close_time_idx. The inner query projects only the
-- indexed expression, so the skipped entries cost no computation. KEY picks the county ($4) or
-- all; SCOPE and FILTERS are over i.*.
SELECT extract(epoch FROM x.took)::float8 AS seconds
  FROM (SELECT i.closed_at - i.reported_at AS took
          FROM incident i
         WHERE i.status IN ('closed', 'evaluated') AND {{KEY}}
           AND i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz AND {{SCOPE}} AND {{FILTERS}}
         ORDER BY (i.closed_at - i.reported_at) DESC
        OFFSET $3 LIMIT 2) x
 ORDER BY x.took DESC
