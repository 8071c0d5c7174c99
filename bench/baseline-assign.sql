-- The baseline loader's assignment: assign_point() once per row of a batch. $1: JSON [{n, lon, lat}].
SELECT r.n, a.grid_id, a.grid_code, a.method, a.village_code, a.town_code, a.county_code, a.station_id,
       a.station_code, a.exclusive_grids
  FROM json_to_recordset($1::json) AS r(n int, lon float8, lat float8)
 CROSS JOIN LATERAL assign_point(r.lon, r.lat) a
