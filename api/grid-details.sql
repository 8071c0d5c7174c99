-- One current grid with its team and open events. $1: grid code. Placeholders: GRIDS (the caller's
-- area, on g), INCIDENTS (the caller's incident scope, on i); scopePredicate() output only.
SELECT g.code, g.name, g.kind, g.exclusive_type, g.version, g.households, g.population,
       to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS valid_from,
       json_build_object('code', v.code, 'name', v.name) AS village,
       json_build_object('code', t.code, 'name', t.name) AS town,
       json_build_object('code', k.code, 'name', k.name) AS county,
       ST_AsGeoJSON(g.geom, 6)::json AS geometry,
       json_build_array(ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)) AS bbox,
       coalesce((SELECT json_agg(json_build_object('name', st.name, 'role', st.role, 'phone', st.phone) ORDER BY st.role, st.id)
                   FROM staff st
                  WHERE (g.kind = 'basic' AND st.grid_code = g.code)
                     OR (st.village_code = g.village_code AND st.role IN ('community_officer', 'village_admin'))), '[]'::json) AS staff,
       (SELECT count(*)::int FROM incident i
         WHERE (i.grid_code = g.code OR g.code = ANY (i.exclusive_grid_codes))
           AND i.status NOT IN ('closed', 'evaluated', 'rejected', 'merged') AND {{INCIDENTS}}) AS open_count,
       coalesce((SELECT json_agg(x ORDER BY x."reportedAt" DESC) FROM (
                   SELECT i.id, i.status, c.name AS category, i.description,
                          to_char(i.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "reportedAt"
                     FROM incident i JOIN category c ON c.code = i.category_code
                    WHERE (i.grid_code = g.code OR g.code = ANY (i.exclusive_grid_codes))
                      AND i.status NOT IN ('closed', 'evaluated', 'rejected', 'merged') AND {{INCIDENTS}}
                    ORDER BY i.reported_at DESC LIMIT 20) x), '[]'::json) AS open_events
  FROM grid g
  JOIN admin_unit v ON v.code = g.village_code
  JOIN admin_unit t ON t.code = v.parent_code
  JOIN admin_unit k ON k.code = t.parent_code
 WHERE g.code = $1 AND g.valid_to IS NULL AND {{GRIDS}}
