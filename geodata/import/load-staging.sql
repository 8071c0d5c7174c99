-- $1: JSON array of ImportRow with geom as a GeoJSON MultiPolygon in WGS-84.
INSERT INTO import_row (feature, code, name, parent_code, parent_level, level, kind, exclusive_type,
                        households, population, address, geom)
SELECT r.feature, r.code, r.name, r."parentCode", r."parentLevel", r.level, r.kind, r."exclusiveType",
       r.households, r.population, r.address, ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326)
  FROM json_to_recordset($1::json) AS r(feature integer, code text, name text, "parentCode" text,
                                        "parentLevel" text, level text, kind text, "exclusiveType" text,
                                        households integer, population integer, address text, geom json)
