-- The baseline loader's batch insert. $1: JSON rows with assignment and routing, $2 CRS, $3 file.
INSERT INTO incident (id, source, category_code, description, address, location, raw, raw_crs, reported_at,
                      grid_id, grid_code, exclusive_grid_codes, station_id, village_code, town_code, county_code,
                      assign_method, status, handling_level, department_code, assignee_kind, assignee, due_at, closed_at)
SELECT r.id, r.source, r.category, r.description, r.address, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326),
       jsonb_build_object('file', $3::text, 'line', r.line, 'coordinates', jsonb_build_array(r.raw_lon, r.raw_lat)),
       $2, r.reported_at, r.grid_id, r.grid_code, ARRAY(SELECT json_array_elements_text(r.exclusive_codes)), r.station_id,
       r.village_code, r.town_code, r.county_code, r.method, r.status, r.handling_level, r.department_code,
       r.assignee_kind, r.assignee, r.due_at, r.closed_at
  FROM json_to_recordset($1::json) AS r(id uuid, source text, category text, description text, address text, lon float8,
       lat float8, raw_lon float8, raw_lat float8, line int, reported_at timestamptz, grid_id bigint, grid_code text,
       exclusive_codes json, station_id int, village_code text, town_code text, county_code text, method text,
       status text, handling_level text, department_code text, assignee_kind text, assignee text, due_at timestamptz,
       closed_at timestamptz)
