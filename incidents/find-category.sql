-- A category with its department, for routing ($1: category code).
SELECT c.code, c.name, c.department_code, d.name AS department_name, c.police_relevant, c.self_resolvable,
       c.exclusive_types, c.time_limit, c.time_limit_unit, c.duplicate_radius_m, c.duplicate_window_h
  FROM category c JOIN department d ON d.code = c.department_code
 WHERE c.code = $1
