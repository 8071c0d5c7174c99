-- $1: JSON array of IncidentRow (location as [lon, lat]), with its loop history (step times, counters). The assignment the generator made
-- (grid, village, town, county, station, exclusive grids) is kept; the grid row and method are
-- looked up from the grid the point was drawn in.
INSERT INTO incident (id, source, category_code, description, address, location, raw_crs, reported_at, received_at,
                      grid_id, grid_code, exclusive_grid_codes, station_id, village_code, town_code, county_code,
                      assign_method, status, handling_level, department_code, merged_into, due_at, closed_at,
                      satisfaction, self_resolved, synthetic, reviewed_at, dispatched_at, signed_at, handled_at,
                      verified_at, evaluated_at, step_due_at, rework_count, return_count, extension_count, escalation_count)
SELECT r.id, r.source, r."categoryCode", r.description, r.address,
       ST_SetSRID(ST_MakePoint((r.location->>0)::float8, (r.location->>1)::float8), 4326), 'WGS84',
       r."reportedAt", r."reportedAt", g.id, r."gridCode",
       ARRAY(SELECT json_array_elements_text(r."exclusiveGridCodes")), s.id, r."villageCode", r."townCode",
       r."countyCode", 'inside', r.status, r."handlingLevel", r."departmentCode", r."mergedInto", r."dueAt",
       r."closedAt", r.satisfaction, r."selfResolved", true, r."reviewedAt", r."dispatchedAt", r."signedAt",
       r."handledAt", r."verifiedAt", r."evaluatedAt", r."stepDueAt", r."reworkCount", r."returnCount",
       r."extensionCount", r."escalationCount"
  FROM json_to_recordset($1::json) AS r(id uuid, source text, "categoryCode" text, description text, address text,
                                        location json, "reportedAt" timestamptz, "gridCode" text,
                                        "exclusiveGridCodes" json, "stationCode" text, "villageCode" text,
                                        "townCode" text, "countyCode" text, status text, "handlingLevel" text,
                                        "departmentCode" text, "mergedInto" uuid, "dueAt" timestamptz,
                                        "closedAt" timestamptz, satisfaction smallint, "selfResolved" boolean,
                                        "reviewedAt" timestamptz, "dispatchedAt" timestamptz, "signedAt" timestamptz,
                                        "handledAt" timestamptz, "verifiedAt" timestamptz, "evaluatedAt" timestamptz,
                                        "stepDueAt" timestamptz, "reworkCount" smallint, "returnCount" smallint,
                                        "extensionCount" smallint, "escalationCount" smallint)
  LEFT JOIN grid g ON g.code = r."gridCode" AND g.valid_to IS NULL
  LEFT JOIN station s ON s.code = r."stationCode"
