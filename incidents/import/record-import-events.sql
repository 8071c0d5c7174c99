-- The first audit row of each imported incident, in incident id order, with its chain links made
-- here: a new incident has no earlier event, so prev_hash is NULL and hash = incident_event_hash(NULL,
-- row), exactly what the chain trigger would compute (it stands aside for rows that carry their
-- hash in a bulk load: migrations/0012). The row is built with jsonb_populate_record so that a
-- column added to incident_event later does not shift it. $1 the file name.
WITH q AS MATERIALIZED (SELECT pg_get_serial_sequence('incident_event', 'id')::regclass AS seq) -- once, not per row
INSERT INTO incident_event (id, incident_id, at, action, to_status, data, prev_hash, hash)
OVERRIDING SYSTEM VALUE
SELECT e.id, e.incident_id, e.at, e.action, e.to_status, e.data, NULL, incident_event_hash(NULL, e)
  FROM q,
       (SELECT id, status, line FROM import_staging ORDER BY id OFFSET 0) s,
       LATERAL jsonb_populate_record(NULL::incident_event, jsonb_build_object(
         'id', nextval(q.seq), 'incident_id', s.id, 'at', now(),
         'action', 'import', 'to_status', s.status, 'data', jsonb_build_object('file', $1::text, 'line', s.line))) e
