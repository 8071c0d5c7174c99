-- An action's audit row at the action's time; the chain trigger fills prev_hash and hash.
INSERT INTO incident_event (incident_id, at, actor_id, actor_role, action, from_status, to_status, note, data)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
