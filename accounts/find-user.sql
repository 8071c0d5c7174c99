-- An active user by id ($1) or username ($2), with the county of each station they hold.
SELECT u.id, u.username, u.display_name, u.role, u.scope_kind, u.scope_codes, u.password_hash,
       COALESCE((SELECT json_object_agg(s.code, s.county_code)
                   FROM station s
                  WHERE u.scope_kind = 'station' AND s.code = ANY (u.scope_codes)), '{}'::json) AS station_counties
  FROM app_user u
 WHERE u.active AND (u.id = $1 OR u.username = $2)
