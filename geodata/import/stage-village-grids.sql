-- The basic grids of every village the file touches, as they will be after the import: the
-- file's grids plus the current grids it leaves alone. Overlaps and gaps are judged on these.
CREATE TEMP TABLE import_village_grid ON COMMIT DROP AS
SELECT r.feature, r.code, r.parent_code AS village_code, r.geom
  FROM import_row r
UNION ALL
SELECT NULL, g.code, g.village_code, g.geom
  FROM grid g
 WHERE g.valid_to IS NULL AND g.kind = 'basic'
   AND g.village_code IN (SELECT parent_code FROM import_row)
   AND g.code NOT IN (SELECT code FROM import_row)
