// GET /api/grids/{code}: a grid's team and open events, scoped to the caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const TEAM = `
INSERT INTO staff (name, role, grid_code, village_code, phone) VALUES
  ('张网格长', 'grid_head', '320612001001001', '320612001001', '13800000001'),
  ('李专职', 'grid_worker_fulltime', '320612001001001', '320612001001', NULL),
  ('王兼职', 'grid_worker_parttime', '320612001001001', '320612001001', NULL),
  ('赵兼职', 'grid_worker_parttime', '320612001001002', '320612001001', NULL),
  ('陈民警', 'community_officer', NULL, '320612001001', '13800000002');
INSERT INTO incident (id, source, category_code, location, reported_at, village_code, grid_code, department_code, status, due_at, closed_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'terminal', '0101', ST_Point(120.605, 31.905, 4326), '2026-11-01T01:00:00Z', '320612001001', '320612001001001', 'citymgmt', 'reported', timestamptz '2026-11-01T01:00:00Z' + interval '2 days', NULL),
  ('00000000-0000-4000-8000-000000000002', 'terminal', '0801', ST_Point(120.606, 31.905, 4326), '2026-11-02T01:00:00Z', '320612001001', '320612001001001', 'police110', 'dispatched', timestamptz '2026-11-02T01:00:00Z' + interval '2 days', NULL),
  ('00000000-0000-4000-8000-000000000003', 'terminal', '0101', ST_Point(120.607, 31.905, 4326), '2026-11-03T01:00:00Z', '320612001001', '320612001001001', 'citymgmt', 'closed', timestamptz '2026-11-03T01:00:00Z' + interval '2 days', timestamptz '2026-11-03T01:00:00Z' + interval '1 day');
`

describe.each(TEST_ENGINES)('grid details on %s', (kind) => {
  let t: TestApp
  const get = async (code: string, user = 'admin') => {
    const res = await t.app.request(`/api/grids/${code}`, { headers: { authorization: `Bearer ${await t.login(user)}` } })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    await t.db.exec(TEAM)
  })
  afterAll(() => t?.close())

  it('shows the grid, its head, workers, community officer and open events', async () => {
    const { status, body } = await get('320612001001001')
    expect(status).toBe(200)
    expect(body).toMatchObject({
      code: '320612001001001',
      name: '和平社区第1网格',
      kind: 'basic',
      households: 400,
      village: { code: '320612001001', name: '和平社区' },
      town: { code: '320612001000', name: '金沙街道' },
      county: { code: '320612000000', name: '通州区' },
      head: { name: '张网格长', phone: '13800000001' },
      communityOfficers: [{ name: '陈民警' }],
      bbox: [120.6, 31.9, 120.61, 31.91],
      geometry: { type: 'MultiPolygon' },
    })
    expect(body.workers.map((w: { name: string }) => w.name)).toEqual(['李专职', '王兼职'])
    expect(body.openEvents.count).toBe(2)
    expect(body.openEvents.latest.map((e: { id: string }) => e.id)).toEqual(['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001'])
  })

  it('counts only the open events the caller may see', async () => {
    const { body } = await get('320612001001001', 'department-citymgmt')
    expect(body.openEvents.count).toBe(1)
  })

  it('lists the open events of an exclusive grid by its code on the incident', async () => {
    await t.db.exec(`UPDATE incident SET exclusive_grid_codes = '{320612001001Z001}' WHERE id = '00000000-0000-4000-8000-000000000001'`)
    const { body } = await get('320612001001Z001')
    expect(body).toMatchObject({ kind: 'exclusive', exclusiveType: 'school', head: null, workers: [] })
    expect(body.openEvents.count).toBe(1)
  })

  it('is not found outside the caller area, and a bad code is a 400', async () => {
    expect((await get('320612001001001', 'station-320612510100')).status).toBe(200) // the station's county
    await t.db.exec(`UPDATE app_user SET scope_codes = '{320623100000}' WHERE username = 'town-320612001'`)
    expect((await get('320612001001001', 'town-320612001')).status).toBe(404)
    expect((await get('320612001001999')).status).toBe(404)
    const bad = await get('abc')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('code')
  })
})
