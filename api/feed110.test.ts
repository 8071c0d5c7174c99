// POST /api/feeds/110 through the real app on both engines: each alert of a batch is filed on its
// own, replays are idempotent per alert id, and only a 110 key opens the feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { issueServiceKey } from './api-key.fixture.ts'
import { FEED110_NAMESPACE } from './feed110-routes.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { uuidV5 } from '../incidents/uuid-v5.ts'
import { positionFromWgs84 } from '../geodata/to-wgs84.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')

const alert = (alertId: string, over: Record<string, unknown> = {}) => ({
  alertId, category: '0801', description: '有人报警称路口斗殴', location: { type: 'Point', coordinates: [120.605, 31.905] },
  crs: 'WGS84', reportedAt: '2026-12-03T21:15:00+08:00', address: '和平路与人民路路口', ...over,
})

describe.each(TEST_ENGINES)('the 110 feed on %s', (kind) => {
  let t: TestApp
  let key: string
  let hotline: string
  const post = (body: unknown, apiKey: string | null = key, type = 'application/json') =>
    t.app.request('/api/feeds/110', {
      method: 'POST',
      headers: { 'content-type': type, ...(apiKey === null ? {} : { 'x-api-key': apiKey }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    key = await issueServiceKey(t.db, 'feed110', '110')
    hotline = await issueServiceKey(t.db, 'hotline12345', 'hotline')
  })
  afterAll(() => t?.close())

  it('files each alert as a 110 incident with an id made from its alert id', async () => {
    const gcj = positionFromWgs84([120.615, 31.915], 'GCJ02')
    const res = await post({ alerts: [alert('JJ20261203-0001'), alert('JJ20261203-0002', { crs: 'GCJ02', location: { type: 'Point', coordinates: gcj } })] })
    expect(res.status).toBe(200)
    const id1 = uuidV5(FEED110_NAMESPACE, 'JJ20261203-0001')
    expect(await res.json()).toEqual([
      { alertId: 'JJ20261203-0001', id: id1, status: 'created' },
      { alertId: 'JJ20261203-0002', id: uuidV5(FEED110_NAMESPACE, 'JJ20261203-0002'), status: 'created' },
    ])
    const { rows } = await t.db.query<{ source: string; grid_code: string; department_code: string; reporter: string; raw: any }>(
      `SELECT i.source, i.grid_code, i.department_code, u.username AS reporter, i.raw
         FROM incident i JOIN app_user u ON u.id = i.reporter_id WHERE i.id = $1`, [id1])
    expect(rows[0]).toMatchObject({ source: '110', grid_code: '320612001001001', department_code: 'police110', reporter: 'feed110' })
    expect(rows[0].raw.alertId).toBe('JJ20261203-0001')
  })

  it('answers a mixed batch alert by alert and writes only the good ones', async () => {
    const before = await count()
    const res = await post({
      alerts: [
        alert('JJ20261203-0001'), // sent before: replayed
        alert('JJ20261203-0101'), // new
        alert('JJ20261203-0002', { description: '内容变了' }), // sent before with other content
        alert('JJ20261203-0102', { location: { type: 'Point', coordinates: [31.905, 120.605] } }), // swapped
        alert('JJ20261203-0103', { category: '9999' }), // unknown category
        alert('JJ20261203-0104', { crs: undefined }), // CRS never guessed
        alert('JJ20261203-0106', { reportedAt: '0000-01-01T00:00:00Z' }), // no year 0
        { ...alert(''), alertId: undefined }, // no alert id
        'not an alert',
        alert('JJ20261203-0105'), // new, after the bad ones
      ],
    })
    expect(res.status).toBe(200)
    const results = (await res.json()) as any[]
    expect(results.map((r) => [r.alertId, r.status])).toEqual([
      ['JJ20261203-0001', 'replayed'], ['JJ20261203-0101', 'created'], ['JJ20261203-0002', 'conflict'],
      ['JJ20261203-0102', 'invalid'], ['JJ20261203-0103', 'invalid'], ['JJ20261203-0104', 'invalid'], ['JJ20261203-0106', 'invalid'],
      [null, 'invalid'], [null, 'invalid'], ['JJ20261203-0105', 'created'],
    ])
    expect(results[2].problem).toMatchObject({ type: '/problems/conflict', status: 409 })
    expect(results[3].problem).toMatchObject({ type: '/problems/validation', status: 422, errors: [{ field: 'location.coordinates.1' }] })
    expect(results[4].problem.errors).toEqual([{ field: 'category', message: expect.stringContaining('9999') }])
    expect(results[5].problem.errors.map((e: { field: string }) => e.field)).toEqual(['crs'])
    expect(results[7]).toMatchObject({ id: null, problem: { errors: [{ field: 'alertId' }] } })
    expect(results[3].id).toBe(uuidV5(FEED110_NAMESPACE, 'JJ20261203-0102'))
    expect(await count()).toBe(before + 2)
  })

  it('opens only to a 110 key: none or a wrong one is 401, a hotline key 403', async () => {
    const before = await count()
    for (const [apiKey, status] of [[null, 401], ['wg_not-a-real-key-at-all-000000', 401], [hotline, 403]] as const) {
      const res = await post({ alerts: [alert('JJ20261203-0201')] }, apiKey)
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    expect(await count()).toBe(before)
  })

  it('refuses a batch that is empty, too large, not JSON or not a batch, and text PostgreSQL cannot store', async () => {
    expect((await post({ alerts: [] })).status).toBe(422)
    expect((await post({ alerts: Array.from({ length: 501 }, (_, i) => alert(`JJ-big-${i}`)) })).status).toBe(422)
    expect((await post([alert('JJ20261203-0301')])).status).toBe(422)
    expect((await post('{"alerts":')).status).toBe(400)
    expect((await post('alerts=1', key, 'application/x-www-form-urlencoded')).status).toBe(415)
    const nul = await post({ alerts: [alert('JJ20261203-0302', { description: '斗殴\u0000' })] })
    expect(await nul.json()).toMatchObject([{ status: 'invalid', problem: { errors: [{ field: 'description', message: 'contains a control character' }] } }])
  })
})
