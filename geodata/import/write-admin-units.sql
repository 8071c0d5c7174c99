-- Admin units are updated in place: the code is the identity. Parents and children may arrive in
-- one file in any order, since the foreign key is checked at the end of the statement.
-- (xmax = 0) tells a fresh insert from an update of an existing row.
INSERT INTO admin_unit AS a (code, parent_code, level, name, kind, synthetic, geom)
SELECT code, parent_code, level, name, kind, false, geom FROM import_row ORDER BY feature
    ON CONFLICT (code) DO UPDATE
   SET parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, name = EXCLUDED.name,
       kind = COALESCE(EXCLUDED.kind, a.kind), synthetic = false, geom = EXCLUDED.geom
RETURNING (xmax = 0) AS inserted
