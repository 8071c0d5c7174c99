-- A new report and its first audit row in one statement, so in one transaction: insert-incident.sql
-- (the insert placeholder, $1…$29, nothing when the id exists already) and the 'report' event for the row it
-- made ($30 actor id, $31 actor role, $32 event data); the chain trigger fills prev_hash and hash.
-- No row back: a concurrent post of the same id committed first.
WITH created AS (
{{insert}}
)
INSERT INTO incident_event (incident_id, actor_id, actor_role, action, from_status, to_status, note, data)
SELECT id, $30, $31, 'report', NULL, 'reported', NULL, $32 FROM created
RETURNING incident_id
