-- Writes computed step deadlines ($1 ids, $2 due, $3 warn), only where none was set meanwhile.
UPDATE incident i
   SET step_due_at = d.due, step_warn_at = d.warn
  FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS d (id, due, warn)
 WHERE i.id = d.id AND i.step_due_at IS NULL
