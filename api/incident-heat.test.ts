// GET /api/incidents/heat: counts per cell and bucket, filters, jurisdiction, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const CELL_DEG = 200 / 111_320

// Three reports in one 200 m cell of 通州区 (two on day 0, one on day 1), one elsewhere in the town,
// one in 如东县 (outside the town hub's area); one police report (status accepted).
const INCIDENTS = `
INSERT INTO incident (id, source, category_code, location, reported_at, village_code, town_code, county_code, status, due_at, closed_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'terminal', '0101', ST_Point(120.6051, 31.9051, 4326), '2026-11-01T01:00:00Z', '320612001001', '320612001000', '320612000000', 'reported', timestamptz '2026-11-01T01:00:00Z' + interval '2 days', NULL),
  ('00000000-0000-4000-8000-000000000002', 'terminal', '0101', ST_Point(120.6052, 31.9052, 4326), '2026-11-01T05:00:00Z', '320612001001', '320612001000', '320612000000', 'reported', timestamptz '2026-11-01T05:00:00Z' + interval '2 days', NULL),
  ('00000000-0000-4000-8000-000000000003', 'terminal', '0101', ST_Point(120.6053, 31.9053, 4326), '2026-11-02T05:00:00Z', '320612001001', '320612001000', '320612000000', 'closed', timestamptz '2026-11-02T05:00:00Z' + interval '2 days', timestamptz '2026-11-02T05:00:00Z' + interval '1 day'),
  ('00000000-0000-4000-8000-000000000004', 'terminal', '0801', ST_Point(120.6150, 31.9150, 4326), '2026-11-01T03:00:00Z', '320612001001', '320612001000', '320612000000', 'accepted', timestamptz '2026-11-01T03:00:00Z' + interval '2 days', NULL),
  ('00000000-0000-4000-8000-000000000005', 'terminal', '0101', ST_Point(121.1000, 31.9000, 4326), '2026-11-01T03:00:00Z', NULL, NULL, '320623000000', 'reported', timestamptz '2026-11-01T03:00:00Z' + interval '2 days', NULL);
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320623100001', '320623100000', 'village', '掘港社区', '社区', ST_Multi(ST_MakeEnvelope(121.0, 31.8, 121.2, 32.0, 4326)));
UPDATE incident SET village_code = '320623100001', town_code = '320623100000' WHERE id = '00000000-0000-4000-8000-000000000005';
`
const WINDOW = 'from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z'

interface Heat { bucket: string; bucketSeconds: number; cellDegrees: number; total: number; cells: number; x: number[]; y: number[]; t: number[]; n: number[] }

describe.each(TEST_ENGINES)('incident heat counts on %s', (kind) => {
  let t: TestApp
  const get = async (query: string, user = 'admin') =>
    t.app.request(`/api/incidents/heat?${query}`, { headers: { authorization: `Bearer ${await t.login(user)}` } })
  const heat = async (query: string, user = 'admin') => {
    const res = await get(query, user)
    expect(res.status).toBe(200)
    return (await res.json()) as Heat
  }
  const rows = (h: Heat) => h.x.map((x, k) => ({ x, y: h.y[k], t: h.t[k], n: h.n[k] }))

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    await t.db.exec(INCIDENTS)
  })
  afterAll(() => t?.close())

  it('counts incidents per cell and day, the cell being the floor of the coordinate over its size', async () => {
    const h = await heat(WINDOW)
    expect(h).toMatchObject({ bucket: 'day', bucketSeconds: 86_400, total: 5, cells: 4 })
    expect(h.cellDegrees).toBeCloseTo(CELL_DEG, 12)
    const cx = Math.floor(120.6051 / CELL_DEG)
    const cy = Math.floor(31.9051 / CELL_DEG)
    expect(rows(h)).toContainEqual({ x: cx, y: cy, t: 0, n: 2 })
    expect(rows(h)).toContainEqual({ x: cx, y: cy, t: 1, n: 1 })
  })

  it('uses hours for a short window', async () => {
    const h = await heat('from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z')
    expect(h.bucket).toBe('hour')
    expect(rows(h).map((r) => r.t).sort((a, b) => a - b)).toEqual([1, 3, 3, 5])
  })

  it('filters by category class or code and by status', async () => {
    expect((await heat(`${WINDOW}&category=08`)).total).toBe(1)
    expect((await heat(`${WINDOW}&category=0101,0801`)).total).toBe(5)
    expect((await heat(`${WINDOW}&status=reported`)).total).toBe(3)
    expect((await heat(`${WINDOW}&status=closed,accepted`)).total).toBe(2)
  })

  it('counts only the caller jurisdiction', async () => {
    expect((await heat(WINDOW, 'town-320612001')).total).toBe(4)
    expect((await heat(WINDOW, 'county-320612')).total).toBe(4)
    expect((await heat(WINDOW, 'department-citymgmt')).total).toBe(0) // nothing routed to it here
  })

  it('answers bad parameters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['status=lost', 'status'],
      ['category=1', 'category'],
      ['cell=5', 'cell'],
      ['cell=0x100', 'cell'],
      ['from=0000-01-01T00:00:00Z', 'from'],
      ['to=9999-12-31T23:59:59-23:00', 'to'],
      ['from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z', 'to'],
      ['from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z&bucket=hour', 'from'],
    ]) {
      const res = await get(query)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const body = (await res.json()) as { errors: { field: string }[] }
      expect(body.errors.map((e) => e.field.split('.')[0]), query).toContain(field)
    }
  })

  it('needs a signed-in caller', async () => {
    expect((await t.app.request(`/api/incidents/heat?${WINDOW}`)).status).toBe(401)
  })
})
