-- What intake needs to know about one report, in one round trip: the report stored under its id
-- (a replay), the category with its department, the assignment, and the open reports of the same
-- category nearby that the reporter may see (the duplicate suggestion). $1 lon, $2 lat (WGS-84),
-- $3 category code, $4 the report's id, $5 its report time. The assign placeholder takes
-- assign-point.sql and the nearby one nearby-incidents.sql, both verbatim (they number their
-- parameters the same way), so the rule and the suggestion are written once; the scope
-- placeholder inside the latter takes scopePredicate() output.
SELECT e.payload_hash, e.intake_response, e.reporter_id,
       (SELECT row_to_json(c)
          FROM (SELECT c.code, c.name, c.department_code, d.name AS department_name, c.police_relevant, c.self_resolvable,
                       c.exclusive_types, c.time_limit, c.time_limit_unit, c.duplicate_radius_m, c.duplicate_window_h
                  FROM category c JOIN department d ON d.code = c.department_code
                 WHERE c.code = $3) c) AS category,
       (SELECT row_to_json(a) FROM ({{assign}}
       ) a) AS assignment,
       (SELECT coalesce(json_agg(n ORDER BY n.distance_m, n.reported_at DESC), '[]') FROM ({{nearby}}
       ) n) AS nearby
  FROM (SELECT) one
  LEFT JOIN incident e ON e.id = $4::uuid
