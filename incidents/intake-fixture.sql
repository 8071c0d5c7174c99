-- Hand-made grids for the assignment edge cases, inside the test app's town 320612001000.
-- Village 320612001001 = [120.60, 31.90]–[120.62, 31.92], cut into four basic grids:
--   003 NW (with a square hole)      004 NE (and a second part that fills 003's hole)
--   001 SW                            002 SE      exclusive school Z001 inside 002
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320612001001', '320612001000', 'village', '和平社区', '社区', ST_Multi(ST_MakeEnvelope(120.60, 31.90, 120.62, 31.92, 4326)));
INSERT INTO grid (code, version, kind, exclusive_type, name, village_code, county_code, households, population, geom) VALUES
  ('320612001001001', 1, 'basic', NULL, '和平社区第1网格', '320612001001', '320612000000', 400, 1000,
   ST_Multi(ST_MakeEnvelope(120.60, 31.90, 120.61, 31.91, 4326))),
  ('320612001001002', 1, 'basic', NULL, '和平社区第2网格', '320612001001', '320612000000', 400, 1000,
   ST_Multi(ST_MakeEnvelope(120.61, 31.90, 120.62, 31.91, 4326))),
  ('320612001001003', 1, 'basic', NULL, '和平社区第3网格', '320612001001', '320612000000', 400, 1000,
   ST_Multi(ST_GeomFromText('POLYGON((120.60 31.91, 120.61 31.91, 120.61 31.92, 120.60 31.92, 120.60 31.91),
                                     (120.603 31.913, 120.603 31.917, 120.607 31.917, 120.607 31.913, 120.603 31.913))', 4326))),
  ('320612001001004', 1, 'basic', NULL, '和平社区第4网格', '320612001001', '320612000000', 400, 1000,
   ST_GeomFromText('MULTIPOLYGON(((120.61 31.91, 120.62 31.91, 120.62 31.92, 120.61 31.92, 120.61 31.91)),
                                 ((120.603 31.913, 120.607 31.913, 120.607 31.917, 120.603 31.917, 120.603 31.913)))', 4326)),
  ('320612001001Z001', 1, 'exclusive', 'school', '和平小学专属网格', '320612001001', '320612000000', 0, 0,
   ST_Multi(ST_MakeEnvelope(120.612, 31.902, 120.615, 31.904, 4326)));
INSERT INTO department (code, name, name_en) VALUES
  ('police110', '110公安', '110 police'), ('civil', '民政', 'Civil affairs');
INSERT INTO category_class (code, name, name_en) VALUES ('01', '市容环境', 'City appearance'), ('08', '社会治安', 'Public security'),
  ('15', '校园安全', 'School safety');
INSERT INTO category (code, class_code, name, name_en, department_code, police_relevant, self_resolvable, exclusive_types,
                      priority, time_limit, time_limit_unit, duplicate_radius_m, duplicate_window_h) VALUES
  ('0101', '01', '暴露垃圾', 'Exposed rubbish', 'citymgmt', false, true, '{}', 3, 8, 'working_hours', 50, 48),
  ('0801', '08', '治安隐患', 'Public security hazard', 'police110', true, false, '{}', 2, 2, 'natural_hours', 200, 24),
  ('1501', '15', '校园周边安全', 'Safety around schools', 'civil', false, false, '{school}', 2, 1, 'working_days', 100, 72);
