-- A page of incidents, newest first, with their loop state. The filters placeholder is replaced by
-- list-incidents.ts with fixed fragments (scope first) whose values are $n parameters; the last
-- two parameters are the time the lights are read at and the page size.
SELECT i.id, i.status, i.source, i.category_code, c.name AS category_name, i.description, i.address,
       ST_X(i.location) AS lon, ST_Y(i.location) AS lat, i.reported_at,
       to_char(i.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS reported_key,
       i.county_code, i.town_code, i.village_code, i.grid_code, i.handling_level,
       i.department_code, i.assignee_kind, i.assignee, i.due_at, i.step_due_at, i.step_warn_at, i.closed_at,
       i.rework_count, i.return_count, i.extension_count, i.escalation_count, i.self_resolved, i.satisfaction,
       CASE WHEN i.step_due_at IS NULL THEN NULL
            WHEN i.step_due_at < {{now}} THEN 'red'
            WHEN i.step_warn_at <= {{now}} THEN 'yellow'
            ELSE 'green' END AS light
  FROM incident i
  JOIN category c ON c.code = i.category_code
 WHERE {{filters}}
 ORDER BY i.reported_at DESC, i.id DESC
 LIMIT {{limit}}
