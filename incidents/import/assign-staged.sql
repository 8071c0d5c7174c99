-- The assignment of every staged point, with the answer assign_point() (migrations/0004) gives.
-- assign_point() makes several GiST probes per point, most of its time. Most points lie inside one
-- basic grid and in a station's area; those are settled here by hash joins instead:
--   1. each point and each current grid gets the 0.002° cells (~200 m) its bounding box spans
--      (stations, being large, 0.01° cells), so a point's cell lists every grid or station whose
--      box can hold it: floor() of a division is monotone, so a point inside a box always lands in
--      one of the box's cells;
--   2. the same predicates as assign_point() are evaluated on those candidates: ST_Intersects for
--      grids and stations, ST_Contains for the interior test; stations are tested in station
--      order, so PostGIS reuses the prepared polygon from one point to the next;
--   3. a point covered by exactly one basic grid, in its interior, and by at least one station is
--      "inside" that grid; its station is the lowest code covering it, its exclusive grids all
--      that cover it, its village, town and county those of the grid, as in assign_point();
--   4. every other point (on an edge, near or outside every grid, in no station) is assigned by
--      assign_point() itself.
CREATE TEMP TABLE import_point ON COMMIT DROP AS
SELECT n, lon, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326) AS pt,
       floor(lon / 0.002)::int AS cx, floor(lat / 0.002)::int AS cy,      -- grid cell
       floor(lon / 0.01)::int AS sx, floor(lat / 0.01)::int AS sy         -- station cell (stations are large)
  FROM import_staging;

-- Temporary tables get no statistics by themselves; without them the joins below are planned blind.
ANALYZE import_point;

CREATE TEMP TABLE import_grid_cell ON COMMIT DROP AS
SELECT g.id, x AS cx, y AS cy
  FROM grid g,
       generate_series(floor(ST_XMin(g.geom) / 0.002)::int, floor(ST_XMax(g.geom) / 0.002)::int) x,
       generate_series(floor(ST_YMin(g.geom) / 0.002)::int, floor(ST_YMax(g.geom) / 0.002)::int) y
 WHERE g.valid_to IS NULL;

CREATE TEMP TABLE import_station_cell ON COMMIT DROP AS
SELECT s.id, x AS sx, y AS sy
  FROM station s,
       generate_series(floor(ST_XMin(s.geom) / 0.01)::int, floor(ST_XMax(s.geom) / 0.01)::int) x,
       generate_series(floor(ST_YMin(s.geom) / 0.01)::int, floor(ST_YMax(s.geom) / 0.01)::int) y;

ANALYZE import_grid_cell, import_station_cell;

CREATE TEMP TABLE import_grid_hit ON COMMIT DROP AS
SELECT n, id, code, name, kind, exclusive_type, village_code, kind = 'basic' AND ST_Contains(geom, pt) AS interior
  FROM (SELECT p.n, p.pt, g.id, g.code, g.name, g.kind, g.exclusive_type, g.village_code, g.geom
          FROM import_point p
          JOIN import_grid_cell c USING (cx, cy)
          JOIN grid g ON g.id = c.id
        OFFSET 0) candidate -- a fence: ST_Intersects below must not become a GiST probe per point
 WHERE ST_Intersects(geom, pt);

CREATE TEMP TABLE import_station_hit ON COMMIT DROP AS
SELECT DISTINCT ON (c.n) c.n, s.id, s.code
  FROM (SELECT p.n, p.pt, c.id
          FROM import_point p
          JOIN import_station_cell c USING (sx, sy)
         ORDER BY c.id OFFSET 0) c
  JOIN station s ON s.id = c.id
 WHERE ST_Intersects(s.geom, c.pt)
 ORDER BY c.n, s.code;

-- Per point: its basic grids (how many, the lowest id, whether it is in the interior) and its
-- exclusive grids in code order, as assign_point() lists them.
CREATE TEMP TABLE import_point_grids ON COMMIT DROP AS
SELECT n, count(*) FILTER (WHERE kind = 'basic') AS basic_hits, min(id) FILTER (WHERE kind = 'basic') AS basic_id,
       bool_and(interior) FILTER (WHERE kind = 'basic') AS interior,
       coalesce(array_agg(code ORDER BY code) FILTER (WHERE kind = 'exclusive'), '{}') AS exclusive_codes,
       coalesce(json_agg(json_build_object('code', code, 'name', name, 'type', exclusive_type) ORDER BY code)
                  FILTER (WHERE kind = 'exclusive'), '[]'::json) AS exclusive_grids
  FROM import_grid_hit
 GROUP BY n;

ANALYZE import_point_grids, import_station_hit;

CREATE TEMP TABLE import_assigned ON COMMIT DROP AS
SELECT pg.n, g.id AS grid_id, g.code AS grid_code, 'inside'::text AS method, v.code AS village_code,
       t.code AS town_code, c.code AS county_code, sh.id AS station_id, sh.code AS station_code,
       pg.exclusive_codes, pg.exclusive_grids
  FROM import_point_grids pg
  JOIN import_station_hit sh USING (n)
  JOIN grid g ON g.id = pg.basic_id
  LEFT JOIN admin_unit v ON v.code = g.village_code
  LEFT JOIN admin_unit t ON t.code = v.parent_code
  LEFT JOIN admin_unit c ON c.code = t.parent_code
 WHERE pg.basic_hits = 1 AND pg.interior;

INSERT INTO import_assigned
SELECT p.n, a.grid_id, a.grid_code, a.method, a.village_code, a.town_code, a.county_code, a.station_id, a.station_code,
       ARRAY(SELECT x->>'code' FROM json_array_elements(a.exclusive_grids) WITH ORDINALITY e(x, i) ORDER BY i), a.exclusive_grids
  FROM import_point p
 CROSS JOIN LATERAL assign_point(p.lon, p.lat) a
 WHERE NOT EXISTS (SELECT 1 FROM import_assigned f WHERE f.n = p.n);
