-- Rows whose id is taken already were imported before (or reported live): they are skipped, so an
-- import can be run again. Returns nothing; the row count is the number skipped.
DELETE FROM import_staging s USING incident i WHERE i.id = s.id
