-- The assignment of every staged point, with the answer assign_point() (migrations/0004) gives.
-- assign_point() costs several GiST probes per point (~80 µs on the bench machine). Most points lie
-- inside one basic grid and in a station's area; those are settled here by hash joins instead:
--   1. each point and each current grid or station gets the 0.002° cells (~200 m) its bounding
--      box spans, so a point's cell lists every grid whose box can hold it (floor() of a division
--      is monotone, so a point inside a box always lands in one of the box's cells);
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
       floor(lon / 0.002)::int AS cx, floor(lat / 0.002)::int AS cy
  FROM import_staging;

CREATE TEMP TABLE import_extent ON COMMIT DROP AS
SELECT ST_SetSRID(ST_MakeBox2D(ST_MakePoint(min(lon), min(lat)), ST_MakePoint(max(lon), max(lat))), 4326) AS box
  FROM import_staging;

CREATE TEMP TABLE import_grid_hit ON COMMIT DROP AS
WITH cell AS (
  SELECT g.id, x AS cx, y AS cy
    FROM grid g, import_extent e,
         generate_series(floor(ST_XMin(g.geom) / 0.002)::int, floor(ST_XMax(g.geom) / 0.002)::int) x,
         generate_series(floor(ST_YMin(g.geom) / 0.002)::int, floor(ST_YMax(g.geom) / 0.002)::int) y
   WHERE g.valid_to IS NULL AND g.geom && e.box
)
SELECT p.n, g.id, g.code, g.name, g.kind, g.exclusive_type, g.village_code,
       g.kind = 'basic' AND ST_Contains(g.geom, p.pt) AS interior
  FROM import_point p
  JOIN cell c USING (cx, cy)
  JOIN grid g ON g.id = c.id
 WHERE ST_Intersects(g.geom, p.pt);

CREATE TEMP TABLE import_station_hit ON COMMIT DROP AS
WITH cell AS (
  SELECT s.id, x AS cx, y AS cy
    FROM station s, import_extent e,
         generate_series(floor(ST_XMin(s.geom) / 0.002)::int, floor(ST_XMax(s.geom) / 0.002)::int) x,
         generate_series(floor(ST_YMin(s.geom) / 0.002)::int, floor(ST_YMax(s.geom) / 0.002)::int) y
   WHERE s.geom && e.box
),
candidate AS (
  SELECT p.n, p.pt, c.id FROM import_point p JOIN cell c USING (cx, cy) ORDER BY c.id OFFSET 0
)
SELECT DISTINCT ON (c.n) c.n, s.id, s.code
  FROM candidate c JOIN station s ON s.id = c.id
 WHERE ST_Intersects(s.geom, c.pt)
 ORDER BY c.n, s.code;

CREATE TEMP TABLE import_assigned ON COMMIT DROP AS
WITH basic AS (
  SELECT n, min(id) AS id, count(*) AS hits, bool_and(interior) AS interior
    FROM import_grid_hit WHERE kind = 'basic' GROUP BY n
),
exclusive AS (
  SELECT n, array_agg(code ORDER BY code) AS codes,
         json_agg(json_build_object('code', code, 'name', name, 'type', exclusive_type) ORDER BY code) AS grids
    FROM import_grid_hit WHERE kind = 'exclusive' GROUP BY n
)
SELECT b.n, g.id AS grid_id, g.code AS grid_code, 'inside'::text AS method, v.code AS village_code,
       t.code AS town_code, c.code AS county_code, sh.id AS station_id, sh.code AS station_code,
       coalesce(e.codes, '{}') AS exclusive_codes, coalesce(e.grids, '[]'::json) AS exclusive_grids
  FROM basic b
  JOIN import_station_hit sh USING (n)
  JOIN grid g ON g.id = b.id
  LEFT JOIN exclusive e USING (n)
  LEFT JOIN admin_unit v ON v.code = g.village_code
  LEFT JOIN admin_unit t ON t.code = v.parent_code
  LEFT JOIN admin_unit c ON c.code = t.parent_code
 WHERE b.hits = 1 AND b.interior;

INSERT INTO import_assigned
SELECT p.n, a.grid_id, a.grid_code, a.method, a.village_code, a.town_code, a.county_code, a.station_id, a.station_code,
       ARRAY(SELECT x->>'code' FROM json_array_elements(a.exclusive_grids) WITH ORDINALITY e(x, i) ORDER BY i), a.exclusive_grids
  FROM import_point p
 CROSS JOIN LATERAL assign_point(p.lon, p.lat) a
 WHERE NOT EXISTS (SELECT 1 FROM import_assigned f WHERE f.n = p.n);
