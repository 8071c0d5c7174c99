-- Items of the stations collection (police station jurisdictions), one page and the number
-- matched. $1..$4 bbox west, south, east, north (NULL: no bbox), $5 limit, $6 offset, $7 one code
-- (NULL: all), $8 county code prefix (NULL: any).
WITH matched AS (
  SELECT s.code AS id FROM station s
   WHERE ($1::float8 IS NULL OR ST_Intersects(s.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
     AND ($7::text IS NULL OR s.code = $7)
     AND ($8::text IS NULL OR s.county_code LIKE $8 || '%')
)
SELECT c.n AS matched, p.*
  FROM (SELECT count(*) AS n FROM matched) c
  LEFT JOIN LATERAL (
    SELECT s.code AS id, ST_AsGeoJSON(s.geom, 7) AS geometry,
           json_build_object('code', s.code, 'name', s.name, 'county_code', s.county_code, 'address', s.address,
                             'phone', s.phone, 'synthetic', s.synthetic) AS properties
      FROM (SELECT id FROM matched ORDER BY id LIMIT $5 OFFSET $6) m JOIN station s ON s.code = m.id
     ORDER BY s.code
  ) p ON true
