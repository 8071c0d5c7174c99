-- An incident's audit trail in order ($1 id), with who acted.
SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.note, e.data, e.actor_role,
       u.username AS actor_username, u.display_name AS actor_name
  FROM incident_event e
  LEFT JOIN app_user u ON u.id = e.actor_id
 WHERE e.incident_id = $1
 ORDER BY e.id
