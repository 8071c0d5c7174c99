-- Every category with what routing needs, and the city's extent, for checking and routing an import.
SELECT c.code, d.name AS department_name, c.department_code, c.police_relevant, c.self_resolvable,
       c.exclusive_types, c.time_limit, c.time_limit_unit,
       ST_XMin(b.e) AS x0, ST_YMin(b.e) AS y0, ST_XMax(b.e) AS x1, ST_YMax(b.e) AS y1
  FROM category c
  JOIN department d ON d.code = c.department_code
 CROSS JOIN (SELECT ST_Extent(geom) AS e FROM admin_unit WHERE level = 'city') b
