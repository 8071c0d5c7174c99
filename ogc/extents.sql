-- The spatial extent (WGS-84) of every collection.
SELECT 'admin_units' AS id, ST_Extent(geom)::text AS bbox FROM admin_unit
UNION ALL SELECT 'grids', ST_Extent(geom)::text FROM grid WHERE valid_to IS NULL AND kind = 'basic'
UNION ALL SELECT 'exclusive_grids', ST_Extent(geom)::text FROM grid WHERE valid_to IS NULL AND kind = 'exclusive'
UNION ALL SELECT 'stations', ST_Extent(geom)::text FROM station
UNION ALL SELECT 'incidents', ST_Extent(geom)::text FROM admin_unit  -- the city's: incidents' own extent is not public
