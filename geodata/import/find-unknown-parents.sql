-- Rows whose parent (admin parent, village or county) is not an admin unit of the expected level,
-- in the database or, for an admin import, in the file itself. $1: the layer.
SELECT r.feature, r.code, r.parent_code, r.parent_level
  FROM import_row r
 WHERE r.parent_code IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM admin_unit a WHERE a.code = r.parent_code AND a.level = r.parent_level)
   AND NOT EXISTS (SELECT 1 FROM import_row p
                    WHERE $1::text = 'admin' AND p.code = r.parent_code AND p.level = r.parent_level)
 ORDER BY r.feature
