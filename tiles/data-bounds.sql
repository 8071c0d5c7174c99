-- The extent of the city's admin units in WGS-84: TileJSON bounds and the style's centre.
SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
  FROM (SELECT ST_Extent(geom) AS e FROM admin_unit WHERE level IN ('city', 'county')) x
