-- The baseline loader's audit rows for a batch, in id order. $1: JSON [{id, status, line}], $2 file.
INSERT INTO incident_event (incident_id, action, to_status, data)
SELECT r.id, 'import', r.status, jsonb_build_object('file', $2::text, 'line', r.line)
  FROM json_to_recordset($1::json) AS r(id uuid, status text, line int)
 ORDER BY r.id
