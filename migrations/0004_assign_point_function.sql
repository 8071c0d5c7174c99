-- The assignment rule as one SQL function, so that the intake API and the bulk importer cannot
-- disagree: both call assign_point().
-- For a point (lon, lat in WGS-84):
--   basic grid: inside exactly one → "inside"; on a shared edge or vertex → the covering grid with
--   the lowest code, "edge"; covered by none but within 50 m of one → the nearest, "nearest";
--   farther → none, "outside". Stations by the same rule. Exclusive grids: every one covering it.
-- Villages, towns and counties follow from the basic grid (grids tile their village).
CREATE FUNCTION assign_point(lon float8, lat float8)
RETURNS TABLE (grid_id bigint, grid_code text, grid_name text, grid_version integer, method text,
               village_code text, village_name text, town_code text, town_name text,
               county_code text, county_name text, station_id integer, station_code text, station_name text,
               exclusive_grids json)
LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt
  ),
  covering AS (
    SELECT g.id, g.code, g.name, g.version, g.village_code, g.county_code,
           ST_Contains(g.geom, p.pt) AS interior
      FROM grid g, p
     WHERE g.valid_to IS NULL AND g.kind = 'basic' AND ST_Intersects(g.geom, p.pt)
  ),
  near AS (
    -- 0.001° is over 94 m at Nantong's latitude: a cheap index prefilter for the exact 50 m test.
    SELECT g.id, g.code, g.name, g.version, g.village_code, g.county_code,
           ST_Distance(g.geom::geography, p.pt::geography) AS metres
      FROM grid g, p
     WHERE NOT EXISTS (SELECT 1 FROM covering)
       AND g.valid_to IS NULL AND g.kind = 'basic' AND ST_DWithin(g.geom, p.pt, 0.001)
  ),
  basic AS (
    (SELECT id, code, name, version, village_code, county_code,
            CASE WHEN count(*) OVER () = 1 AND interior THEN 'inside' ELSE 'edge' END AS method
       FROM covering ORDER BY code LIMIT 1)
    UNION ALL
    (SELECT id, code, name, version, village_code, county_code, 'nearest'
       FROM near WHERE metres <= 50 ORDER BY metres, code LIMIT 1)
  ),
  station_covering AS (
    SELECT s.id, s.code, s.name FROM station s, p WHERE ST_Intersects(s.geom, p.pt) ORDER BY s.code LIMIT 1
  ),
  station_near AS (
    SELECT s.id, s.code, s.name FROM station s, p
     WHERE NOT EXISTS (SELECT 1 FROM station_covering) AND ST_DWithin(s.geom, p.pt, 0.001)
       AND ST_DWithin(s.geom::geography, p.pt::geography, 50)
     ORDER BY ST_Distance(s.geom::geography, p.pt::geography), s.code LIMIT 1
  ),
  st AS (
    SELECT * FROM station_covering UNION ALL SELECT * FROM station_near
  )
  SELECT b.id AS grid_id, b.code AS grid_code, b.name AS grid_name, b.version AS grid_version,
         coalesce(b.method, 'outside') AS method,
         v.code AS village_code, v.name AS village_name,
         t.code AS town_code, t.name AS town_name,
         c.code AS county_code, c.name AS county_name,
         st.id AS station_id, st.code AS station_code, st.name AS station_name,
         coalesce((SELECT json_agg(json_build_object('code', x.code, 'name', x.name, 'type', x.exclusive_type) ORDER BY x.code)
                     FROM grid x, p
                    WHERE x.valid_to IS NULL AND x.kind = 'exclusive' AND ST_Intersects(x.geom, p.pt)), '[]'::json) AS exclusive_grids
    FROM (SELECT 1) one
    LEFT JOIN basic b ON true
    LEFT JOIN admin_unit v ON v.code = b.village_code
    LEFT JOIN admin_unit t ON t.code = v.parent_code
    LEFT JOIN admin_unit c ON c.code = t.parent_code
    LEFT JOIN st ON true
$$;
