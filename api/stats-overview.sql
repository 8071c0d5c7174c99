-- The headline figures within the caller's jurisdiction. Placeholders in double braces are
-- replaced by scopePredicate() output (bound values only): UNITS, GRIDS, STATIONS, STAFF, INCIDENTS.
SELECT
  (SELECT COALESCE(json_object_agg(level, n), '{}'::json)
     FROM (SELECT a.level, count(*)::int AS n FROM admin_unit a WHERE {{UNITS}} GROUP BY a.level) x) AS admin_units,
  (SELECT count(*)::int FROM grid g WHERE g.valid_to IS NULL AND g.kind = 'basic' AND {{GRIDS}}) AS basic_grids,
  (SELECT count(*)::int FROM grid g WHERE g.valid_to IS NULL AND g.kind = 'exclusive' AND {{GRIDS}}) AS exclusive_grids,
  (SELECT count(*)::int FROM station s
    WHERE EXISTS (SELECT 1 FROM admin_unit a
                   WHERE a.level = 'village' AND {{UNITS}} AND ST_Covers(a.geom, s.address_point))) AS stations,
  (SELECT COALESCE(json_object_agg(role, n), '{}'::json)
     FROM (SELECT st.role, count(*)::int AS n FROM staff st WHERE {{STAFF}} GROUP BY st.role) x) AS staff,
  (SELECT count(*)::int FROM terminal t JOIN staff st ON st.id = t.staff_id WHERE {{STAFF}}) AS terminals,
  (SELECT json_build_object(
            'total', count(*),
            'routed', count(*) FILTER (WHERE i.status IN ('dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved')),
            'closed', count(*) FILTER (WHERE i.status IN ('closed', 'evaluated')))
     FROM incident i WHERE {{INCIDENTS}}) AS incidents
