-- Items of the grids and exclusive_grids collections (current versions), one page and the number
-- matched. $1..$4 bbox west, south, east, north (NULL: no bbox), $5 limit, $6 offset, $7 one code
-- (NULL: all), $8 kind ('basic' or 'exclusive'), $9 county code prefix, $10 village code,
-- $11 exclusive type (NULL: any).
WITH matched AS (
  SELECT g.code AS id FROM grid g
   WHERE g.valid_to IS NULL AND g.kind = $8
     AND ($1::float8 IS NULL OR ST_Intersects(g.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
     AND ($7::text IS NULL OR g.code = $7)
     AND ($9::text IS NULL OR g.county_code LIKE $9 || '%')
     AND ($10::text IS NULL OR g.village_code = $10)
     AND ($11::text IS NULL OR g.exclusive_type = $11)
)
SELECT c.n AS matched, p.*
  FROM (SELECT count(*) AS n FROM matched) c
  LEFT JOIN LATERAL (
    SELECT g.code AS id, ST_AsGeoJSON(g.geom, 7) AS geometry,
           json_build_object('code', g.code, 'name', g.name, 'version', g.version, 'valid_from', g.valid_from,
                             'exclusive_type', g.exclusive_type, 'village_code', g.village_code,
                             'county_code', g.county_code, 'households', g.households,
                             'population', g.population, 'synthetic', g.synthetic) AS properties
      FROM (SELECT id FROM matched ORDER BY id LIMIT $5 OFFSET $6) m
      JOIN grid g ON g.code = m.id AND g.valid_to IS NULL
     ORDER BY g.code
  ) p ON true
