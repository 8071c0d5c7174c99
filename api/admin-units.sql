-- Admin units inside the caller's area. The scope placeholder is replaced by scopePredicate() (bound values only);
-- $1: one code or NULL, $2: parent code or NULL, $3: level or NULL, $4: with geometry.
SELECT a.code, a.parent_code, a.level, a.name, a.kind, a.synthetic,
       CASE WHEN $4::boolean THEN ST_AsGeoJSON(a.geom, 6)::json END AS geometry
  FROM admin_unit a
 WHERE ($1::text IS NULL OR a.code = $1)
   AND ($2::text IS NULL OR a.parent_code = $2)
   AND ($3::text IS NULL OR a.level = $3)
   AND {{scope}}
 ORDER BY a.code
