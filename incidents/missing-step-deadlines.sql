-- Open incidents whose step has no deadline yet (new reports, imports, history loaded without one),
-- with when that step began and the category's limit ($1 batch size).
SELECT i.id, i.status, c.time_limit, c.time_limit_unit,
       CASE i.status WHEN 'reported' THEN i.reported_at
                     WHEN 'accepted' THEN coalesce(i.reviewed_at, i.reported_at)
                     WHEN 'dispatched' THEN coalesce(i.dispatched_at, i.reviewed_at, i.reported_at)
                     WHEN 'signed' THEN coalesce(i.signed_at, i.dispatched_at, i.reported_at)
                     WHEN 'handled' THEN coalesce(i.handled_at, i.signed_at, i.reported_at)
                     ELSE coalesce(i.verified_at, i.handled_at, i.reported_at) END AS step_started_at
  FROM incident i
  JOIN category c ON c.code = i.category_code
 WHERE i.status IN ('reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified')
   AND i.step_due_at IS NULL
 LIMIT $1
