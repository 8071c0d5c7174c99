-- Open incidents whose step is overdue at $1, below the city level, and not escalated within the
-- current supervision window; the longest overdue first ($2 batch size).
SELECT i.id
  FROM incident i
 WHERE i.status IN ('reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified')
   AND i.step_due_at < $1
   AND coalesce(i.handling_level, 'town') <> 'city'
   AND NOT EXISTS (SELECT 1 FROM supervision s WHERE s.incident_id = i.id AND s.next_at > $1)
 ORDER BY i.step_due_at
 LIMIT $2
