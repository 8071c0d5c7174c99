-- The categories as Open311 services, with their class (the spec's group) and handling department.
-- $1: one category code, or NULL for all.
SELECT c.code, c.name, c.name_en, cc.name AS class_name, cc.name_en AS class_name_en, d.name AS department_name
  FROM category c
  JOIN category_class cc ON cc.code = c.class_code
  JOIN department d ON d.code = c.department_code
 WHERE $1::text IS NULL OR c.code = $1
 ORDER BY c.code
