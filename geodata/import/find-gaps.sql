-- Parts of each touched village covered by none of its basic grids, one row per piece, with a
-- point on the piece. $1: smallest area reported, m²; $2: smallest mean width reported, m.
-- The width test drops slivers along the village edge: a vertex moved a few millimetres by a
-- CRS conversion leaves a strip of several m² along a 2 km edge, but only millimetres wide.
WITH covered AS (
  SELECT village_code, ST_Union(geom) AS geom FROM import_village_grid GROUP BY village_code
), piece AS (
  SELECT v.code, d.geom, ST_Area(d.geom::geography) AS area_m2, ST_Perimeter(d.geom::geography) AS perimeter_m
    FROM covered c
    JOIN admin_unit v ON v.code = c.village_code,
         LATERAL ST_Dump(ST_CollectionExtract(ST_Difference(v.geom, c.geom), 3)) AS d
)
SELECT code, area_m2, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
  FROM piece
 WHERE area_m2 > $1 AND 2 * area_m2 / perimeter_m > $2
 ORDER BY code, area_m2 DESC
