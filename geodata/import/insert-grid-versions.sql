-- The file's grids as the current versions: version 1 for a new code, else one past the last.
-- A grid's county is its village's: the village code's first 6 digits + 000000.
INSERT INTO grid (code, version, valid_from, kind, exclusive_type, name, village_code, county_code,
                  households, population, synthetic, edited_by, geom)
SELECT r.code, COALESCE((SELECT max(g.version) FROM grid g WHERE g.code = r.code), 0) + 1, now(),
       r.kind, r.exclusive_type, r.name, r.parent_code, left(r.parent_code, 6) || '000000',
       r.households, r.population, false, NULL, r.geom
  FROM import_row r
 ORDER BY r.feature
