-- Where an incident stands in the loop ($1 id; the caller has already been shown it): the facts
-- the transition rules read, the step clock, the counters and any pending extension.
SELECT i.status, i.handling_level, i.village_code, i.grid_code, i.department_code, i.assignee_kind, i.assignee,
       i.reporter_id, c.self_resolvable, i.merged_into, i.self_resolved, i.satisfaction,
       i.reviewed_at, i.dispatched_at, i.signed_at, i.handled_at, i.verified_at, i.closed_at, i.evaluated_at,
       i.step_due_at, i.step_warn_at, i.rework_count, i.return_count, i.extension_count, i.escalation_count,
       (SELECT row_to_json(x) FROM (SELECT e.id, e.until, e.reason, e.requested_at FROM extension_request e
                                      WHERE e.incident_id = i.id AND e.state = 'pending') x) AS pending_extension
  FROM incident i
  JOIN category c ON c.code = i.category_code
 WHERE i.id = $1
