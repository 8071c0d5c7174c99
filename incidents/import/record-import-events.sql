-- The first audit row of each imported incident, in incident id order; the chain trigger fills
-- prev_hash and hash. $1 the file name.
INSERT INTO incident_event (incident_id, action, to_status, data)
SELECT id, 'import', status, jsonb_build_object('file', $1::text, 'line', line)
  FROM import_staging
 ORDER BY id
