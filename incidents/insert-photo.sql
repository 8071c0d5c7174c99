-- A photo; nothing when the incident has these bytes already.
INSERT INTO incident_photo (incident_id, content_type, bytes, size, sha256, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (incident_id, sha256) DO NOTHING
RETURNING id
