-- Open steps that have a deadline but no yellow-light time (history loaded by the demo seed or an
-- import): 80% of the way from the step's start to its deadline, on the wall clock ($1 the share).
UPDATE incident i
   SET step_warn_at = s.started + (i.step_due_at - s.started) * $1::float8
  FROM (SELECT id, CASE status WHEN 'reported' THEN reported_at
                               WHEN 'accepted' THEN coalesce(reviewed_at, reported_at)
                               WHEN 'dispatched' THEN coalesce(dispatched_at, reviewed_at, reported_at)
                               WHEN 'signed' THEN coalesce(signed_at, dispatched_at, reported_at)
                               WHEN 'handled' THEN coalesce(handled_at, signed_at, reported_at)
                               ELSE coalesce(verified_at, handled_at, reported_at) END AS started
          FROM incident
         WHERE status IN ('reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified')
           AND step_due_at IS NOT NULL AND step_warn_at IS NULL) s
 WHERE i.id = s.id AND s.started < i.step_due_at
