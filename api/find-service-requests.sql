-- Incidents as Open311 service requests, newest first. Either by id ($1 uuid[]; the other filters are
-- then ignored, as the spec says) or by filters: $2 category codes (text[] or NULL: all), reported
-- from $3 to $4 inclusive, $5 statuses (text[] or NULL: all). $6 is the limit. The scope placeholder
-- in double braces is replaced by scopePredicate() output over `i` (bound values only).
SELECT i.id, i.status, i.category_code, c.name AS category_name, i.description, d.name AS department_name,
       i.reported_at, i.due_at, i.address, ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
       i.raw -> 'open311' ->> 'media_url' AS media_url, i.merged_into,
       GREATEST(i.received_at, e.at) AS updated_at, e.note AS last_note
  FROM incident i
  JOIN category c ON c.code = i.category_code
  LEFT JOIN department d ON d.code = i.department_code
  LEFT JOIN LATERAL (SELECT ev.at, ev.note FROM incident_event ev
                      WHERE ev.incident_id = i.id ORDER BY ev.id DESC LIMIT 1) e ON true
 WHERE (CASE WHEN $1::uuid[] IS NOT NULL THEN i.id = ANY ($1::uuid[])
             ELSE i.reported_at BETWEEN $3::timestamptz AND $4::timestamptz
                  AND ($2::text[] IS NULL OR i.category_code = ANY ($2::text[]))
                  AND ($5::text[] IS NULL OR i.status = ANY ($5::text[])) END)
   AND {{scope}}
 ORDER BY i.reported_at DESC, i.id
 LIMIT $6::int
