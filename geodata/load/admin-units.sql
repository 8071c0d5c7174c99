-- $1: JSON array of AdminUnitRow (geom as GeoJSON).
INSERT INTO admin_unit (code, parent_code, level, name, kind, synthetic, geom)
SELECT r.code, r."parentCode", r.level, r.name, r.kind, r.synthetic,
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326))
  FROM json_to_recordset($1::json) AS r(code text, "parentCode" text, level text, name text, kind text,
                                        synthetic boolean, geom json)
