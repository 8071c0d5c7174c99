-- $1: JSON array of StaffRow with "id" (1-based position, so terminals can point at it).
INSERT INTO staff (id, name, role, grid_code, village_code, station_id, phone, synthetic)
OVERRIDING SYSTEM VALUE
SELECT r.id, r.name, r.role, r."gridCode", r."villageCode", s.id, r.phone, true
  FROM json_to_recordset($1::json) AS r(id bigint, name text, role text, "gridCode" text, "villageCode" text,
                                        "stationCode" text, phone text)
  LEFT JOIN station s ON s.code = r."stationCode"
