-- Whether the KPI filters name things that exist: $1 an admin-unit code, $2 a department code.
SELECT EXISTS (SELECT 1 FROM admin_unit WHERE code = $1) AS area,
       EXISTS (SELECT 1 FROM department WHERE code = $2) AS department
