-- plan per call: the period (and the offset) decide between index walks and scans (db/open-pg-database.ts)
-- Incidents counted per square cell and per time bucket: the map desk's heatmap and hexagon data.
-- The answer grows with cells × buckets in the window, never with the number of incidents. It
-- comes back as one row of JSON arrays (x, y, t, n in bucket order, entry k of each describing
-- the same cell-bucket), written by PostgreSQL, so the API passes the text on unparsed.
-- $1 from, $2 to (timestamptz), $3 category patterns (text[] for LIKE, NULL = all), $4 statuses
-- (text[], NULL = all), $5 cell size in degrees, $6 bucket length in seconds. The scope
-- placeholder is replaced by scopePredicate() output (bound values only).
SELECT count(*)::int AS cells, coalesce(sum(c.n), 0)::int AS total,
       coalesce(json_agg(c.x), '[]')::text AS x, coalesce(json_agg(c.y), '[]')::text AS y,
       coalesce(json_agg(c.t), '[]')::text AS t, coalesce(json_agg(c.n), '[]')::text AS n
  FROM (SELECT floor(ST_X(i.location) / $5::float8)::int AS x,
               floor(ST_Y(i.location) / $5::float8)::int AS y,
               floor(date_part('epoch', i.reported_at - $1::timestamptz) / $6::float8)::int AS t,
               count(*)::int AS n
          FROM incident i
         WHERE i.reported_at >= $1::timestamptz AND i.reported_at < $2::timestamptz
           AND ($3::text[] IS NULL OR i.category_code LIKE ANY ($3::text[]))
           AND ($4::text[] IS NULL OR i.status = ANY ($4::text[]))
           AND {{scope}}
         GROUP BY 1, 2, 3
         ORDER BY 3, 1, 2) c -- one aggregate pass over these rows fills all four arrays alike
