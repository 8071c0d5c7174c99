-- A tiny city for the KPIs, on top of api/test-app.ts (counties 320612 通州区 and 320623 如东县,
-- towns 320612001000 and 320623100000, station 320612510100, department citymgmt). Three villages:
--   A 320612001001 和平社区 and B 320612001002 新华村 in 通州区 (A inside the station), C 320623100001
--   城中社区 in 如东县. Fourteen incidents reported in June 2026 (Beijing time) plus one on 31 May
--   (#13, outside the period) and one outside every village (#15). kpi.fixture.ts has the answers.
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320612001001', '320612001000', 'village', '和平社区', '社区', ST_Multi(ST_MakeEnvelope(120.50, 31.80, 120.55, 31.85, 4326))),
  ('320612001002', '320612001000', 'village', '新华村', '村', ST_Multi(ST_MakeEnvelope(120.55, 31.80, 120.60, 31.85, 4326))),
  ('320623100001', '320623100000', 'village', '城中社区', '社区', ST_Multi(ST_MakeEnvelope(121.00, 31.80, 121.05, 31.85, 4326)));
INSERT INTO department (code, name, name_en) VALUES ('police110', '110公安', '110 police');
INSERT INTO category_class (code, name, name_en) VALUES ('01', '市容环境', 'City appearance'), ('08', '社会治安', 'Public security');
INSERT INTO category (code, class_code, name, name_en, department_code, police_relevant, self_resolvable, priority, time_limit, time_limit_unit) VALUES
  ('0101', '01', '暴露垃圾', 'Exposed rubbish', 'citymgmt', false, true, 3, 24, 'natural_hours'),
  ('0801', '08', '治安隐患', 'Public security hazard', 'police110', true, false, 2, 2, 'natural_hours');

CREATE TEMP TABLE kpi_fixture (n int, village text, category text, station boolean, status text, reported text, due text,
  closed text, satisfaction smallint, self boolean, rework smallint, returns smallint, extensions smallint, escalations smallint);
INSERT INTO kpi_fixture VALUES
  -- n  village          cat     station status       reported          due               closed            sat   self  rw rt ex es
  ( 1, '320612001001', '0101', true,  'evaluated',  '2026-06-01 09:00', '2026-06-02 09:00', '2026-06-01 19:00', 5,    false, 1, 0, 0, 0), -- 10 h
  ( 2, '320612001001', '0101', true,  'closed',     '2026-06-02 09:00', '2026-06-03 09:00', '2026-06-03 13:00', NULL, false, 2, 0, 1, 1), -- 28 h, late
  ( 3, '320612001001', '0101', true,  'closed',     '2026-06-03 09:00', '2026-06-04 09:00', '2026-06-03 11:00', NULL, true,  0, 0, 0, 0), -- 2 h, 自处置
  ( 4, '320612001001', '0801', true,  'evaluated',  '2026-06-04 09:00', '2026-06-04 11:00', '2026-06-04 13:00', 3,    false, 0, 1, 0, 0), -- 4 h, late
  ( 5, '320612001001', '0801', true,  'handled',    '2026-06-05 09:00', '2026-06-05 11:00', NULL,               NULL, false, 0, 0, 0, 0), -- open, overdue
  ( 6, '320612001002', '0101', false, 'dispatched', '2026-06-28 09:00', '2026-07-05 09:00', NULL,               NULL, false, 0, 0, 1, 0), -- open, due after the period
  ( 7, '320612001002', '0101', false, 'shelved',    '2026-06-10 09:00', '2026-06-11 09:00', NULL,               NULL, false, 0, 0, 0, 0), -- shelved: never overdue
  ( 8, '320612001002', '0101', false, 'rejected',   '2026-06-11 09:00', NULL,               NULL,               NULL, false, 0, 0, 0, 0),
  ( 9, '320612001002', '0801', false, 'merged',     '2026-06-12 09:00', NULL,               NULL,               NULL, false, 0, 0, 0, 0),
  (10, '320623100001', '0101', false, 'evaluated',  '2026-06-15 09:00', '2026-06-16 09:00', '2026-06-15 15:00', 4,    false, 0, 0, 0, 0), -- 6 h
  (11, '320623100001', '0801', false, 'accepted',   '2026-06-20 09:00', NULL,               NULL,               NULL, false, 0, 0, 0, 0),
  (12, '320623100001', '0101', false, 'reported',   '2026-06-30 23:30', NULL,               NULL,               NULL, false, 0, 0, 0, 0), -- last half hour of June
  (13, '320612001001', '0101', true,  'closed',     '2026-05-31 23:00', '2026-06-01 23:00', '2026-06-01 01:00', NULL, false, 5, 5, 5, 5), -- before June
  (14, '320623100001', '0101', false, 'verified',   '2026-06-20 09:00', '2026-06-21 09:00', NULL,               NULL, false, 0, 2, 0, 0), -- open, overdue
  (15, NULL,           '0801', false, 'accepted',   '2026-06-25 09:00', NULL,               NULL,               NULL, false, 0, 0, 0, 0); -- outside every village

INSERT INTO incident (id, source, category_code, location, reported_at, station_id, village_code, town_code, county_code,
                      assign_method, status, handling_level, department_code, merged_into, due_at, closed_at, satisfaction,
                      self_resolved, rework_count, return_count, extension_count, escalation_count)
SELECT ('00000000-0000-4000-8000-' || lpad(f.n::text, 12, '0'))::uuid, 'terminal', f.category,
       ST_SetSRID(ST_MakePoint(120.52, 31.82), 4326), (f.reported || '+08')::timestamptz,
       CASE WHEN f.station THEN (SELECT id FROM station WHERE code = '320612510100') END,
       f.village, left(f.village, 9) || '000', left(f.village, 6) || '000000',
       CASE WHEN f.village IS NULL THEN 'outside' ELSE 'inside' END, f.status,
       CASE WHEN f.status = 'reported' THEN NULL WHEN f.self THEN 'village' ELSE 'town' END,
       (SELECT department_code FROM category WHERE code = f.category),
       CASE WHEN f.status = 'merged' THEN '00000000-0000-4000-8000-000000000004'::uuid END,
       (f.due || '+08')::timestamptz, (f.closed || '+08')::timestamptz, f.satisfaction, f.self,
       f.rework, f.returns, f.extensions, f.escalations
  FROM kpi_fixture f ORDER BY f.n;
DROP TABLE kpi_fixture;
