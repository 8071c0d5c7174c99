-- Writes an action's outcome: the state, who handles it, the step timestamps, the deadline of the
-- step in progress and the loop counters ($1 id; the rest in the order of apply-action.ts).
UPDATE incident
   SET status = $2, handling_level = $3, department_code = $4, assignee_kind = $5, assignee = $6,
       merged_into = $7, due_at = $8, closed_at = $9, satisfaction = $10, self_resolved = $11,
       reviewed_at = $12, dispatched_at = $13, signed_at = $14, handled_at = $15, verified_at = $16,
       evaluated_at = $17, step_due_at = $18, step_warn_at = $19,
       rework_count = $20, return_count = $21, extension_count = $22, escalation_count = $23
 WHERE id = $1
