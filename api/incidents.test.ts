// POST /api/incidents and its photos through the real app on both engines.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { positionFromWgs84 } from '../geodata/to-wgs84.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9])
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])

const report = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  category: '0101',
  description: '路边暴露垃圾',
  location: { type: 'Point', coordinates: [120.605, 31.905] },
  crs: 'WGS84',
  reportedAt: '2026-12-03T09:30:00+08:00',
  source: 'terminal',
  address: '和平路12号',
  ...over,
})

describe.each(TEST_ENGINES)('reporting an incident on %s', (kind) => {
  let t: TestApp
  let admin: string
  const post = (body: unknown, token = admin, type = 'application/json') =>
    t.app.request('/api/incidents', { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    admin = await t.login('admin')
  })
  afterAll(() => t?.close())

  it('stores the report with its assignment, routing and first audit row', async () => {
    const body = report()
    const res = await post(body)
    expect(res.status).toBe(201)
    expect(res.headers.get('location')).toBe(`/api/incidents/${body.id}`)
    const stored = (await res.json()) as Record<string, any>
    expect(stored).toMatchObject({
      id: body.id,
      status: 'reported',
      category: { code: '0101', name: '暴露垃圾' },
      assignment: {
        grid: { code: '320612001001001', version: 1 },
        method: 'inside',
        village: { code: '320612001001', name: '和平社区' },
        town: { code: '320612001000' },
        county: { code: '320612000000' },
        station: { code: '320612510100' },
        exclusiveGrids: [],
      },
      routing: { department: { code: 'citymgmt' }, handlingLevel: 'village', dueAt: '2026-12-04T02:00:00.000Z' }, // 8 working hours from Thu 09:30 = Fri 10:00,
      nearby: [],
    })
    const events = await t.db.query<{ action: string; to_status: string; hash: string }>('SELECT action, to_status, hash FROM incident_event WHERE incident_id = $1', [body.id])
    expect(events.rows).toEqual([{ action: 'report', to_status: 'reported', hash: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    const raw = await t.db.query<{ raw: unknown }>('SELECT raw FROM incident WHERE id = $1', [body.id])
    expect(raw.rows[0].raw).toEqual(body)
  })

  it('routes a police-relevant report to the station and a school matter to the school grid', async () => {
    const police = (await (await post(report({ category: '0801' }))).json()) as any
    expect(police.routing).toMatchObject({ department: { code: 'police110' }, handlingLevel: 'town', assignee: { kind: 'station', code: '320612510100' } })
    const school = (await (await post(report({ category: '1501', location: { type: 'Point', coordinates: [120.613, 31.903] } }))).json()) as any
    expect(school.routing.assignee).toEqual({ kind: 'exclusive_grid', code: '320612001001Z001', name: '和平小学专属网格' })
  })

  it('suggests open reports of the same category nearby as duplicates', async () => {
    const first = report({ location: { type: 'Point', coordinates: [120.6051, 31.9051] } })
    await post(first)
    const second = (await (await post(report({ location: { type: 'Point', coordinates: [120.6052, 31.9052] } }))).json()) as any
    expect(second.nearby.map((n: { id: string }) => n.id)).toContain(first.id)
    expect(second.nearby[0].distanceM).toBeLessThan(50)
  })

  it('lands a GCJ-02 point near a grid edge in the right grid', async () => {
    const wgs: [number, number] = [120.61002, 31.905] // 2 m east of the 001/002 edge
    const gcj = positionFromWgs84(wgs, 'GCJ02')
    const res = (await (await post(report({ crs: 'GCJ02', location: { type: 'Point', coordinates: gcj } }))).json()) as any
    expect(res.assignment.grid.code).toBe('320612001001002')
    expect(res.location.coordinates[0]).toBeCloseTo(wgs[0], 7)
    expect(res.received).toEqual({ crs: 'GCJ02', coordinates: gcj })
  })

  it('answers a replay with 200 and the same body, a changed payload with 409', async () => {
    const body = report()
    const first = await post(body)
    const replay = await post(body)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual(await first.json())
    const changed = await post({ ...body, description: '改了' })
    expect(changed.status).toBe(409)
    expect(await changed.json()).toMatchObject({ type: '/problems/conflict' })
  })

  it('answers the same payload from another reporter with 409, not with the stored body', async () => {
    const body = report()
    expect((await post(body)).status).toBe(201)
    const other = await post(body, await t.login('city'))
    expect(other.status).toBe(409)
    expect(JSON.stringify(await other.json())).not.toContain('nearby')
  })

  it('treats an upper-case id as the same report', async () => {
    const body = report()
    expect((await post(body)).status).toBe(201)
    expect((await post({ ...body, id: body.id.toUpperCase() })).status).toBe(200)
  })

  it('makes exactly one row of 20 concurrent posts of one id', async () => {
    const body = report()
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => post(body)))).map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 200)).toHaveLength(19)
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident WHERE id = $1', [body.id])
    expect(rows.rows[0].n).toBe(1)
  })

  it.each([
    ['a bad uuid', { id: 'not-a-uuid' }, 'id'],
    ['an unknown category', { category: '9999' }, 'category'],
    ['a coordinate that is not a number', { location: { type: 'Point', coordinates: ['NaN', 31.9] } }, 'location.coordinates.0'],
    ['a latitude out of range', { location: { type: 'Point', coordinates: [120.6, 91] } }, 'location.coordinates.1'],
    ['latitude and longitude swapped', { location: { type: 'Point', coordinates: [31.905, 120.605] } }, 'location.coordinates.1'],
    ['a point far outside the city', { location: { type: 'Point', coordinates: [116.39, 39.9] } }, 'location'],
    ['a missing crs', { crs: undefined }, 'crs'],
    ['an unknown crs', { crs: 'EPSG:3857' }, 'crs'],
    ['a time in the future', { reportedAt: '2099-01-01T00:00:00+08:00' }, 'reportedAt'],
    ['a time without offset', { reportedAt: '2026-12-03 09:30' }, 'reportedAt'],
    ['a time in year 0', { reportedAt: '0000-01-01T00:00:00Z' }, 'reportedAt'],
    ['a zone offset no place uses', { reportedAt: '2026-12-03T09:30:00+16:00' }, 'reportedAt'],
    ['a NUL character in the description', { description: 'a\u0000b' }, 'description'],
    ['broken Unicode in the address', { address: 'x\ud800' }, 'address'],
    ['a GCJ-02 point where the conversion cannot converge', { crs: 'GCJ02', location: { type: 'Point', coordinates: [105, 0.8295] } }, 'location'],
  ])('refuses %s with a 422 naming the field, writing nothing', async (_, over, field) => {
    const before = await count()
    const res = await post(report(over))
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await res.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((e) => e.field)).toContain(field)
    expect(await count()).toBe(before)
  })

  it('refuses a wrong content type (415), an oversized body (413) and broken JSON (400)', async () => {
    expect((await post('id=1', admin, 'text/plain')).status).toBe(415)
    expect((await post(report({ description: 'x'.repeat(1_100_000) }))).status).toBe(413)
    expect((await post('{"id":')).status).toBe(400)
  })

  it('lets a grid worker report in their village and not in another county', async () => {
    const worker = await t.login('worker-320612001001001')
    expect((await post(report({ location: { type: 'Point', coordinates: [120.615, 31.915] } }), worker)).status).toBe(201)
    const elsewhere = await post(report({ location: { type: 'Point', coordinates: [121.2, 31.9] } }), worker)
    expect(elsewhere.status).toBe(422)
    expect((await post(report(), await t.login('department-citymgmt'))).status).toBe(403)
  })

  it('keeps photos whose bytes match their type, and only for those who may see the incident', async () => {
    const body = report()
    await post(body)
    const upload = (bytes: Uint8Array<ArrayBuffer>, type: string, token = admin) =>
      t.app.request(`/api/incidents/${body.id}/photos`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: bytes })
    const ok = await upload(JPEG, 'image/jpeg')
    expect(ok.status).toBe(201)
    const photo = (await ok.json()) as { id: number; url: string; size: number }
    expect(photo.size).toBe(JPEG.length)
    expect((await upload(PNG, 'image/jpeg')).status).toBe(422)
    expect((await upload(new TextEncoder().encode('hello'), 'text/plain')).status).toBe(415)
    expect((await upload(new Uint8Array(6 * 1024 * 1024).fill(0xff), 'image/jpeg')).status).toBe(413)
    const again = await upload(JPEG, 'image/jpeg', await t.login('town-320612001'))
    expect(again.status).toBe(200) // the same bytes are the same photo: no new row, no new audit entry
    expect(((await again.json()) as { id: number }).id).toBe(photo.id)
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incident_event WHERE incident_id = $1 AND action = 'photo'`, [body.id])
    expect(audit.rows[0].n).toBe(1)
    const other = await t.login('county-320612')
    const got = await t.app.request(photo.url, { headers: { authorization: `Bearer ${other}` } })
    expect(got.status).toBe(200)
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(JPEG)
    const incident = (await (await t.app.request(`/api/incidents/${body.id}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as any
    expect(incident.photos).toHaveLength(1)
    const station = await t.login('station-320612510100')
    expect((await t.app.request(`/api/incidents/${body.id}`, { headers: { authorization: `Bearer ${station}` } })).status).toBe(200)
    await t.db.query(`INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
      ('320623100001', '320623100000', 'village', '外村', '村', ST_Multi(ST_MakeEnvelope(121.0, 31.8, 121.1, 31.9, 4326)))`)
    const outsider = await t.login('department-citymgmt') // routed incidents only: this one is citymgmt's
    expect((await t.app.request(`/api/incidents/${body.id}`, { headers: { authorization: `Bearer ${outsider}` } })).status).toBe(200)
    const county2 = await t.app.request(`/api/incidents/${body.id}`, { headers: { authorization: `Bearer ${await t.login('worker-320612001001001')}` } })
    expect(county2.status).toBe(200)
  })
})
