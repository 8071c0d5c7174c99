-- Names of KPI groups: $1 the kind of code ('admin', 'department', 'category'), $2 the codes.
SELECT code, name, NULL::text AS name_en FROM admin_unit WHERE $1 = 'admin' AND code = ANY($2::text[])
UNION ALL
SELECT code, name, name_en FROM department WHERE $1 = 'department' AND code = ANY($2::text[])
UNION ALL
SELECT code, name, name_en FROM category WHERE $1 = 'category' AND code = ANY($2::text[])
