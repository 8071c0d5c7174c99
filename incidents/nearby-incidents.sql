-- Open reports of the same category near a new one: the duplicate suggestion for the reviewer.
-- $1 lon, $2 lat, $3 category, $4 radius in metres, $5 window in hours, $6 reported at, $7 own id.
SELECT i.id, i.status, i.description, i.reported_at,
       round(ST_Distance(i.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)::numeric, 1) AS distance_m
  FROM incident i
 WHERE i.category_code = $3
   AND i.id <> $7
   AND i.status NOT IN ('closed', 'evaluated', 'rejected', 'merged')
   AND i.reported_at BETWEEN $6::timestamptz - make_interval(hours => $5) AND $6::timestamptz + interval '1 hour'
   -- 0.01° is over 900 m here: an index prefilter wider than any category's radius
   AND ST_DWithin(i.location, ST_SetSRID(ST_MakePoint($1, $2), 4326), 0.01)
   AND ST_DWithin(i.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $4)
 ORDER BY distance_m, i.reported_at DESC
 LIMIT 10
