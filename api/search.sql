-- Grids, admin units and stations whose name contains $1 or whose code starts with $2, within the
-- caller's area; exact code matches first, then by kind and the shortest name. $3: at most this many.
-- Placeholders: UNITS, GRIDS (scopePredicate() output, bound values only).
WITH hits AS (
  SELECT a.level AS kind, a.code, a.name, a.geom
    FROM admin_unit a
   WHERE (a.name ILIKE $1 OR a.code LIKE $2) AND {{UNITS}}
  UNION ALL
  SELECT CASE g.kind WHEN 'basic' THEN 'grid' ELSE 'exclusive_grid' END, g.code, g.name, g.geom
    FROM grid g
   WHERE g.valid_to IS NULL AND (g.name ILIKE $1 OR g.code LIKE $2) AND {{GRIDS}}
  UNION ALL
  SELECT 'station', s.code, s.name, s.geom
    FROM station s
   WHERE (s.name ILIKE $1 OR s.code LIKE $2)
     AND EXISTS (SELECT 1 FROM admin_unit a
                  WHERE a.level = 'village' AND {{UNITS}} AND ST_Covers(a.geom, s.address_point))
)
SELECT kind, code, name,
       json_build_array(ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) AS bbox
  FROM hits
 ORDER BY (code = $4) DESC,
          array_position(ARRAY['county', 'town', 'village', 'station', 'grid', 'exclusive_grid', 'city'], kind),
          length(name), code
 LIMIT $3
