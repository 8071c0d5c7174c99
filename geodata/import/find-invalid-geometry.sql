-- Second opinion on validity, from GEOS itself (rings crossing other rings, parts of a
-- MultiPolygon overlapping, …), before any overlay function sees the geometry.
SELECT r.feature, r.code, d.reason, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
  FROM import_row r, LATERAL ST_IsValidDetail(r.geom) AS d
 WHERE NOT d.valid
 ORDER BY r.feature
