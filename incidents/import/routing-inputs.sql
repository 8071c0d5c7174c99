-- What routeIncident() reads of each staged row: its category, report time (epoch ms) and
-- assignment. Tab-separated text, one row per line.
COPY (SELECT s.n, s.category, round(extract(epoch FROM s.reported_at) * 1000), a.method, a.grid_code,
             a.station_code, a.county_code, a.exclusive_grids
        FROM import_staging s JOIN import_assigned a USING (n)) TO STDOUT
