-- Open reports of the same category near one incident, within the reader's jurisdiction: the
-- duplicate suggestion for the reviewer. $1 lon, $2 lat, $3 category, $4 own id, $5 its report
-- time; radius and window are the category's. The scope placeholder is scopePredicate() output.
SELECT i.id, i.status, i.description, i.reported_at,
       round(ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)::numeric, 1) AS distance_m
  FROM incident i, category c
 WHERE c.code = $3
   AND i.category_code = $3
   AND i.id <> $4
   AND i.status NOT IN ('closed', 'evaluated', 'rejected', 'merged')
   AND i.reported_at BETWEEN $5::timestamptz - make_interval(hours => c.duplicate_window_h) AND $5::timestamptz + interval '1 hour'
   -- 0.01° is over 900 m here: an index prefilter wider than any category's radius
   AND ST_DWithin(i.location, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.01)
   AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, c.duplicate_radius_m)
   AND {{scope}}
 ORDER BY distance_m, i.reported_at DESC
 LIMIT 10
