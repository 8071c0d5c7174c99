-- Stations are updated in place by code; the address point and phone stay as they were.
-- (xmax = 0) tells a fresh insert from an update of an existing row.
INSERT INTO station AS s (code, name, county_code, address, synthetic, geom)
SELECT code, name, parent_code, address, false, geom FROM import_row ORDER BY feature
    ON CONFLICT (code) DO UPDATE
   SET name = EXCLUDED.name, county_code = EXCLUDED.county_code,
       address = COALESCE(EXCLUDED.address, s.address), synthetic = false, geom = EXCLUDED.geom
RETURNING (xmax = 0) AS inserted
