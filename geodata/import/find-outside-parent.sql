-- Basic grids of the file that reach outside their village: the largest piece outside each.
-- $1: smallest area reported, m²; $2: smallest mean width reported, m (see find-gaps.sql).
WITH piece AS (
  SELECT r.feature, r.code, r.parent_code, d.geom, ST_Area(d.geom::geography) AS area_m2,
         ST_Perimeter(d.geom::geography) AS perimeter_m
    FROM import_row r
    JOIN admin_unit v ON v.code = r.parent_code,
         LATERAL ST_Dump(ST_CollectionExtract(ST_Difference(r.geom, v.geom), 3)) AS d
)
SELECT DISTINCT ON (feature) feature, code, parent_code, area_m2,
       ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
  FROM piece
 WHERE area_m2 > $1 AND 2 * area_m2 / perimeter_m > $2
 ORDER BY feature, area_m2 DESC
