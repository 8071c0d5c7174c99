// The tile tests' city: the test app's jurisdiction tree (api/test-app.ts) plus the tiny city of
// geodata/tiny-city.fixture.ts (six villages, twelve basic grids, five exclusive grids, two
// stations), 40 incidents on a lattice over it and three patrol units.
import type { Queryable } from '../db/database.ts'
import { tinyCity } from '../geodata/tiny-city.fixture.ts'
import { loadRows } from '../geodata/load-rows.ts'

const IN_TEST_APP = new Set(['320600000000', '320612000000']) // made by api/test-app.ts already

const CATALOG_SQL = `
INSERT INTO department (code, name, name_en) VALUES ('police110', '110公安', '110 police');
INSERT INTO category_class (code, name, name_en) VALUES ('01', '市容环境', 'City appearance'), ('08', '社会治安', 'Public security');
INSERT INTO category (code, class_code, name, name_en, department_code, police_relevant, priority, time_limit, time_limit_unit) VALUES
  ('0101', '01', '暴露垃圾', 'Exposed rubbish', 'citymgmt', false, 3, 8, 'working_hours'),
  ('0801', '08', '治安隐患', 'Public security hazard', 'police110', true, 2, 2, 'natural_hours');`

/** Incident k of 40: a 10 × 4 lattice over the tiny city, alternating categories and statuses. */
export function fixtureIncident(k: number) {
  return {
    id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
    lon: 120.8725 + (k % 10) * 0.0055,
    lat: 31.9925 + Math.floor(k / 10) * 0.0045,
    category: k % 2 ? '0801' : '0101',
    status: k % 3 ? 'reported' : 'closed',
    reportedAt: new Date(Date.UTC(2026, 10, 1 + (k % 20), 2)).toISOString(),
  }
}
export const FIXTURE_INCIDENTS = Array.from({ length: 40 }, (_, k) => fixtureIncident(k))

const INSERT_INCIDENT = `
WITH p AS (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326) AS location)
INSERT INTO incident (id, source, category_code, location, reported_at, status, due_at, closed_at, village_code, town_code, county_code, grid_code, station_id)
SELECT $1::uuid, 'terminal', $4, p.location, $5::timestamptz, $6, $5::timestamptz + interval '2 days',
       CASE WHEN $6 = 'closed' THEN $5::timestamptz + interval '1 day' END,
       v.code, v.parent_code, (SELECT t.parent_code FROM admin_unit t WHERE t.code = v.parent_code),
       (SELECT g.code FROM grid g WHERE g.kind = 'basic' AND ST_Intersects(g.geom, p.location) ORDER BY g.code LIMIT 1),
       (SELECT s.id FROM station s WHERE ST_Intersects(s.geom, p.location) ORDER BY s.code DESC LIMIT 1)
  FROM p LEFT JOIN LATERAL (SELECT a.code, a.parent_code FROM admin_unit a
                             WHERE a.level = 'village' AND ST_Intersects(a.geom, p.location) ORDER BY a.code LIMIT 1) v ON true`

export async function insertFixtureIncident(db: Queryable, i: ReturnType<typeof fixtureIncident>): Promise<void> {
  await db.query(INSERT_INCIDENT, [i.id, i.lon, i.lat, i.category, i.reportedAt, i.status])
}

/** Loads the tiny city into a database that holds the test app's fixture. */
export async function loadTileCity(db: Queryable): Promise<void> {
  const geo = tinyCity()
  for (const level of ['county', 'town', 'village']) {
    await loadRows(db, 'admin-units', geo.adminUnits.filter((u) => u.level === level && !IN_TEST_APP.has(u.code)))
  }
  await loadRows(db, 'grids', geo.grids, { extra: ['2026-01-01T00:00:00Z'] })
  await loadRows(db, 'stations', geo.stations)
  await db.exec(CATALOG_SQL)
  for (const i of FIXTURE_INCIDENTS) await insertFixtureIncident(db, i)
  await db.exec(`
INSERT INTO unit (code, name, kind, station_id, status, position, position_at) VALUES
  ('U1', '巡逻一组', 'car', (SELECT id FROM station WHERE code = '320613P01'), 'available', ST_SetSRID(ST_MakePoint(120.875, 31.995), 4326), '2026-11-20T02:00:00Z'),
  ('U2', '巡逻二组', 'foot', (SELECT id FROM station WHERE code = '320612P01'), 'busy', ST_SetSRID(ST_MakePoint(120.915, 32.005), 4326), '2026-11-20T02:00:00Z'),
  ('U3', '巡逻三组', 'motorcycle', (SELECT id FROM station WHERE code = '320612P01'), 'offline', ST_SetSRID(ST_MakePoint(120.925, 32.006), 4326), '2026-11-20T02:00:00Z');`)
}

/** The tile at zoom z holding a WGS-84 point. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z
  const x = Math.floor(((lon + 180) / 360) * n)
  const rad = (lat * Math.PI) / 180
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)
  return { z, x, y }
}
