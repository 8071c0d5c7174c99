-- The staged rows with their assignment and routing, into incident. skip-existing.sql has taken out
-- every id already there, so a plain insert suffices; should a concurrent writer take one of the ids
-- meanwhile, the unique key stops the import, which rolls back and can simply be run again.
-- $1 the source CRS, $2 the file name.
INSERT INTO incident (id, source, category_code, description, address, location, raw, raw_crs, reported_at,
                      grid_id, grid_code, exclusive_grid_codes, station_id, village_code, town_code, county_code,
                      assign_method, status, handling_level, department_code, assignee_kind, assignee, due_at, closed_at)
SELECT s.id, s.source, s.category, s.description, s.address, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
       jsonb_build_object('file', $2::text, 'line', s.line, 'coordinates', jsonb_build_array(s.raw_lon, s.raw_lat)),
       $1, s.reported_at, a.grid_id, a.grid_code, a.exclusive_codes, a.station_id, a.village_code, a.town_code,
       a.county_code, a.method, s.status, r.handling_level, r.department_code, r.assignee_kind, r.assignee, r.due_at,
       s.closed_at
  FROM import_staging s JOIN import_assigned a USING (n) JOIN import_routed r USING (n)
