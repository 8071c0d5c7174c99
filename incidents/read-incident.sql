-- One incident as the API shows it, built from its columns ($1 id). The scope placeholder is
-- replaced by scopePredicate() output; $2 is the reader's user id (reporters always see their own).
SELECT i.id, i.status, i.source, i.description, i.address,
       json_build_object('code', c.code, 'name', c.name) AS category,
       ST_X(i.location) AS lon, ST_Y(i.location) AS lat, i.raw_crs, i.raw -> 'location' -> 'coordinates' AS received,
       i.reported_at, i.received_at, i.assign_method, i.handling_level, i.due_at, i.closed_at,
       CASE WHEN g.id IS NOT NULL THEN json_build_object('id', g.id, 'code', g.code, 'name', g.name, 'version', g.version) END AS grid,
       coalesce((SELECT json_agg(json_build_object('code', x.code, 'name', x.name, 'type', x.exclusive_type) ORDER BY x.code)
                   FROM grid x WHERE x.code = ANY (i.exclusive_grid_codes) AND x.valid_to IS NULL), '[]'::json) AS exclusive_grids,
       CASE WHEN s.id IS NOT NULL THEN json_build_object('id', s.id, 'code', s.code, 'name', s.name) END AS station,
       CASE WHEN v.code IS NOT NULL THEN json_build_object('code', v.code, 'name', v.name) END AS village,
       CASE WHEN t.code IS NOT NULL THEN json_build_object('code', t.code, 'name', t.name) END AS town,
       CASE WHEN k.code IS NOT NULL THEN json_build_object('code', k.code, 'name', k.name) END AS county,
       json_build_object('code', d.code, 'name', d.name) AS department,
       i.assignee_kind, i.assignee,
       CASE i.assignee_kind WHEN 'station' THEN s.name
                            ELSE (SELECT a.name FROM grid a WHERE a.code = i.assignee AND a.valid_to IS NULL) END AS assignee_name
  FROM incident i
  JOIN category c ON c.code = i.category_code
  LEFT JOIN department d ON d.code = i.department_code
  LEFT JOIN grid g ON g.id = i.grid_id
  LEFT JOIN station s ON s.id = i.station_id
  LEFT JOIN admin_unit v ON v.code = i.village_code
  LEFT JOIN admin_unit t ON t.code = i.town_code
  LEFT JOIN admin_unit k ON k.code = i.county_code
 WHERE i.id = $1 AND ({{scope}} OR i.reporter_id = $2)
