-- $1: JSON array of GridRow; $2: valid_from of version 1.
INSERT INTO grid (code, version, valid_from, kind, exclusive_type, name, village_code, county_code,
                  households, population, synthetic, geom)
SELECT r.code, 1, $2::timestamptz, r.kind, r."exclusiveType", r.name, r."villageCode", r."countyCode",
       r.households, r.population, true, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326))
  FROM json_to_recordset($1::json) AS r(code text, kind text, "exclusiveType" text, name text, "villageCode" text,
                                        "countyCode" text, households integer, population integer, geom json)
