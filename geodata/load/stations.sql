-- $1: JSON array of StationRow.
INSERT INTO station (code, name, county_code, address, address_point, phone, synthetic, geom)
SELECT r.code, r.name, r."countyCode", r.address,
       ST_SetSRID(ST_GeomFromGeoJSON(r."addressPoint"::text), 4326), '0513-110', true,
       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326))
  FROM json_to_recordset($1::json) AS r(code text, name text, "countyCode" text, address text,
                                        "addressPoint" json, geom json)
