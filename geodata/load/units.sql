-- $1: JSON array of UnitRow without positions (position as [lon, lat]).
INSERT INTO unit (code, name, kind, station_id, status, position, position_at, synthetic)
SELECT r.code, r.name, r.kind, s.id, r.status,
       ST_SetSRID(ST_MakePoint((r.position->>0)::float8, (r.position->>1)::float8), 4326), r."positionAt", true
  FROM json_to_recordset($1::json) AS r(code text, name text, kind text, "stationCode" text, status text,
                                        position json, "positionAt" timestamptz)
  LEFT JOIN station s ON s.code = r."stationCode"
