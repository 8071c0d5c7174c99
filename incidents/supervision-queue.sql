-- The supervision queue (督办): open incidents whose latest escalation brought them to a level,
-- most recent first. Placeholders: the level test and the scope (scopePredicate output); the
-- last parameter is the page size.
SELECT s.id, s.at, s.status AS overdue_status, s.step_due_at AS missed_due_at, s.from_level, s.to_level,
       i.id AS incident_id, i.status, i.category_code, c.name AS category_name, i.description,
       i.county_code, i.town_code, i.village_code, i.handling_level, i.department_code,
       i.step_due_at, i.escalation_count
  FROM supervision s
  JOIN incident i ON i.id = s.incident_id
  JOIN category c ON c.code = i.category_code
 WHERE s.id = (SELECT max(l.id) FROM supervision l WHERE l.incident_id = s.incident_id)
   AND i.status IN ('reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified')
   AND ({{level}})
   AND ({{scope}})
 ORDER BY s.at DESC, s.id DESC
 LIMIT {{limit}}
