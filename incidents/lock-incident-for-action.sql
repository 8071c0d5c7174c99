-- The incident an action is about, locked for the action's transaction ($1 id, $2 the caller's
-- user id: reporters always see their own). The scope placeholder is replaced by scopePredicate()
-- output. The category's limit and self-resolution flag and any pending extension come along.
SELECT i.id, i.status, i.handling_level, i.village_code, i.grid_code, i.station_id, i.department_code,
       i.assignee_kind, i.assignee, i.reporter_id, i.reported_at, i.due_at, i.step_due_at, i.step_warn_at,
       i.reviewed_at, i.dispatched_at, i.signed_at, i.handled_at, i.verified_at, i.evaluated_at, i.closed_at,
       i.merged_into, i.satisfaction, i.self_resolved,
       i.rework_count, i.return_count, i.extension_count, i.escalation_count,
       (SELECT s.code FROM station s WHERE s.id = i.station_id) AS station_code,
       c.self_resolvable, c.time_limit, c.time_limit_unit,
       (SELECT row_to_json(x) FROM (SELECT e.id, e.until, e.reason FROM extension_request e
                                      WHERE e.incident_id = i.id AND e.state = 'pending') x) AS pending_extension
  FROM incident i
  JOIN category c ON c.code = i.category_code
 WHERE i.id = $1 AND ({{scope}} OR i.reporter_id = $2)
   FOR UPDATE OF i
