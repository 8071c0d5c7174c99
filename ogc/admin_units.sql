-- Items of the admin_units collection (city, counties, towns, villages), one page and the number
-- matched. $1..$4 bbox west, south, east, north (NULL: no bbox), $5 limit, $6 offset, $7 one id
-- (NULL: all), $8 level, $9 parent code, $10 county code prefix (NULL: any).
WITH matched AS (
  SELECT a.code AS id FROM admin_unit a
   WHERE ($1::float8 IS NULL OR ST_Intersects(a.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
     AND ($7::text IS NULL OR a.code = $7)
     AND ($8::text IS NULL OR a.level = $8)
     AND ($9::text IS NULL OR a.parent_code = $9)
     AND ($10::text IS NULL OR a.code LIKE $10 || '%')
)
SELECT c.n AS matched, p.*
  FROM (SELECT count(*) AS n FROM matched) c
  LEFT JOIN LATERAL (
    SELECT a.code AS id, ST_AsGeoJSON(a.geom, 7) AS geometry,
           json_build_object('code', a.code, 'name', a.name, 'level', a.level, 'parent_code', a.parent_code,
                             'kind', a.kind, 'synthetic', a.synthetic) AS properties
      FROM (SELECT id FROM matched ORDER BY id LIMIT $5 OFFSET $6) m JOIN admin_unit a ON a.code = m.id
     ORDER BY a.code
  ) p ON true
