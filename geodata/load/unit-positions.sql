-- $1: JSON array of {unitCode, at, location: [lon, lat], speed, heading}.
INSERT INTO unit_position (unit_id, at, geom, speed, heading)
SELECT u.id, r.at, ST_SetSRID(ST_MakePoint((r.location->>0)::float8, (r.location->>1)::float8), 4326), r.speed, r.heading
  FROM json_to_recordset($1::json) AS r("unitCode" text, at timestamptz, location json, speed real, heading real)
  JOIN unit u ON u.code = r."unitCode"
