-- Grids are versioned: the current version of every code in the file ends now, and
-- insert-grid-versions.sql starts the next one at the same instant.
UPDATE grid g
   SET valid_to = now()
  FROM import_row r
 WHERE g.code = r.code AND g.valid_to IS NULL
RETURNING g.code
