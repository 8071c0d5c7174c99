-- $1 incidents over the 270 days before $2, spread over the seeded basic grids and categories, in
-- every loop state with the bookkeeping columns filled: the KPI benchmark's data. Draws come from
-- random() after setseed() in the same transaction, in a serial plan, so a run is repeatable.
-- Shares follow the demo seed: ~1.7% never routed, ~15% open, ~12% of the closed ones late.
INSERT INTO incident (id, source, category_code, description, location, reported_at, received_at, grid_id, grid_code,
                      station_id, village_code, town_code, county_code, assign_method, status, handling_level,
                      department_code, due_at, closed_at, satisfaction, self_resolved, synthetic,
                      reviewed_at, dispatched_at, rework_count, return_count, extension_count, escalation_count)
WITH st AS (  -- each village's station, as the seed assigned it
  SELECT village_code, min(station_id) AS station_id FROM incident GROUP BY village_code),
g AS (
  SELECT (row_number() OVER (ORDER BY grid.code))::int - 1 AS n, grid.id, grid.code, grid.village_code,
         ST_PointOnSurface(grid.geom) AS p, st.station_id
    FROM grid LEFT JOIN st ON st.village_code = grid.village_code
   WHERE grid.kind = 'basic' AND grid.valid_to IS NULL),
c AS (
  SELECT (row_number() OVER (ORDER BY code))::int - 1 AS n, code, department_code, self_resolvable,
         CASE time_limit_unit WHEN 'natural_hours' THEN time_limit WHEN 'working_hours' THEN time_limit * 4.2
              ELSE time_limit * 33.6 END * interval '1 hour' AS lim
    FROM category),
n AS (SELECT (SELECT count(*) FROM g)::int AS grids, (SELECT count(*) FROM c)::int AS categories),
r AS (
  SELECT s, u1, floor(u2 * n.grids)::int AS gi, floor(u3 * n.categories)::int AS ci, u4, u5, u6
    FROM (SELECT s, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6
            FROM generate_series(1, $1::int) s) d CROSS JOIN n),
x AS (
  SELECT r.*, g.id AS grid_id, g.code AS grid_code, g.village_code, g.p, g.station_id, c.code AS category_code,
         c.department_code, c.self_resolvable, c.lim, $2::timestamptz - u1 * interval '270 days' AS rep,
         CASE WHEN u4 < 0.0076 THEN 'rejected' WHEN u4 < 0.0135 THEN 'merged' WHEN u4 < 0.0155 THEN 'accepted'
              WHEN u4 < 0.0170 THEN 'reported' WHEN u4 < 0.0258 THEN 'shelved' WHEN u4 < 0.0465 THEN 'verified'
              WHEN u4 < 0.0907 THEN 'handled' WHEN u4 < 0.1231 THEN 'signed' WHEN u4 < 0.1644 THEN 'dispatched'
              WHEN u6 < 0.6 THEN 'evaluated' ELSE 'closed' END AS status
    FROM r
    JOIN g ON g.n = r.gi
    JOIN c ON c.n = r.ci)
SELECT md5('kpi-bench' || s)::uuid, 'terminal', category_code, '', p, rep, rep, grid_id, grid_code, station_id,
       village_code, left(village_code, 9) || '000', left(village_code, 6) || '000000', 'inside', status,
       CASE WHEN status IN ('reported') THEN NULL ELSE 'town' END, department_code, rep + lim,
       CASE WHEN status IN ('closed', 'evaluated') THEN LEAST(rep + lim * (0.1 + 1.1 * u5), $2::timestamptz) END,
       CASE WHEN status = 'evaluated' THEN 5 - floor(u5 * u6 * 8)::int % 5 END,
       status IN ('closed', 'evaluated') AND self_resolvable AND u5 < 0.3, true,
       CASE WHEN status NOT IN ('reported') THEN rep + lim * 0.05 END,
       CASE WHEN status NOT IN ('reported', 'accepted', 'rejected', 'merged') THEN rep + lim * 0.08 END,
       (u6 * 1000)::int % 17 / 15, (u6 * 1000)::int % 23 / 21, (u5 * 1000)::int % 19 / 17, (u1 * 1000)::int % 29 / 27
  FROM x
