-- Pairs of basic grids of one village that share area, not just an edge, with a point inside the
-- shared part. At least one of each pair comes from the file. $1: smallest area reported, m².
WITH pair AS (
  SELECT a.feature AS feature_a, a.code AS code_a, b.feature AS feature_b, b.code AS code_b,
         ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS shared
    FROM import_village_grid a
    JOIN import_village_grid b
      ON b.village_code = a.village_code AND a.code < b.code AND ST_Intersects(a.geom, b.geom)
   WHERE a.feature IS NOT NULL OR b.feature IS NOT NULL
)
SELECT feature_a, code_a, feature_b, code_b, ST_Area(shared::geography) AS area_m2,
       ST_X(ST_PointOnSurface(shared)) AS lon, ST_Y(ST_PointOnSurface(shared)) AS lat
  FROM pair
 WHERE ST_Area(shared::geography) > $1
 ORDER BY code_a, code_b
