-- Items of the incidents collection within the caller's jurisdiction (the scope placeholder is
-- replaced by scopePredicate() output, bound values only), newest first, one page and the number
-- matched. $1..$4 bbox west, south, east, north (NULL: no bbox), $5 limit, $6 offset, $7 one id
-- (NULL: all), $8 reported at or after, $9 reported at or before (timestamptz, NULL: open),
-- $10 category patterns (text[] for LIKE), $11 statuses (text[]), $12 county code prefix.
WITH matched AS (
  SELECT i.id, i.reported_at FROM incident i
   WHERE ($1::float8 IS NULL OR ST_Intersects(i.location, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
     AND ($7::uuid IS NULL OR i.id = $7::uuid)
     AND ($8::timestamptz IS NULL OR i.reported_at >= $8::timestamptz)
     AND ($9::timestamptz IS NULL OR i.reported_at <= $9::timestamptz)
     AND ($10::text[] IS NULL OR i.category_code LIKE ANY ($10::text[]))
     AND ($11::text[] IS NULL OR i.status = ANY ($11::text[]))
     AND ($12::text IS NULL OR i.county_code LIKE $12 || '%')
     AND {{scope}}
)
SELECT c.n AS matched, p.*
  FROM (SELECT count(*) AS n FROM matched) c
  LEFT JOIN LATERAL (
    SELECT i.id::text AS id, ST_AsGeoJSON(i.location, 7) AS geometry,
           json_build_object('category', i.category_code, 'category_name', k.name, 'status', i.status,
                             'source', i.source, 'description', i.description, 'address', i.address,
                             'reported_at', i.reported_at, 'closed_at', i.closed_at, 'grid_code', i.grid_code,
                             'village_code', i.village_code, 'town_code', i.town_code, 'county_code', i.county_code,
                             'department_code', i.department_code, 'due_at', i.due_at) AS properties
      FROM (SELECT id, reported_at FROM matched ORDER BY reported_at DESC, id LIMIT $5 OFFSET $6) m
      JOIN incident i ON i.id = m.id
      LEFT JOIN category k ON k.code = i.category_code
     ORDER BY i.reported_at DESC, i.id
  ) p ON true
