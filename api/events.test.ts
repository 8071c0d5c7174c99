// GET /api/events/stream over a real HTTP server on both engines: reports reach the viewers whose
// jurisdiction holds them within a second, and nobody else.
import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app.ts'
import { createLiveFeed, type LiveFeed } from './live-feed.ts'
import { readEventStream, type StreamEvent } from './read-event-stream.ts'
import { FIXTURE_PASSWORD, openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { createUser } from '../accounts/create-user.ts'
import { hashPassword } from '../accounts/hash-password.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const RUDONG = `
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320623100001', '320623100000', 'village', '外村', '村', ST_Multi(ST_MakeEnvelope(121.0, 31.8, 121.1, 31.9, 4326)));
INSERT INTO grid (code, version, kind, name, village_code, county_code, households, population, geom) VALUES
  ('320623100001001', 1, 'basic', '外村第1网格', '320623100001', '320623000000', 300, 800,
   ST_Multi(ST_MakeEnvelope(121.0, 31.8, 121.1, 31.9, 4326)));`
const LIVE_WITHIN_MS = 1_000 // the promise: on every map desk within a second
const QUIET_MS = 300 // how long "nothing arrives" is watched for

const report = (category: string, coordinates: [number, number]) => ({
  id: randomUUID(), category, description: '现场上报', location: { type: 'Point', coordinates }, crs: 'WGS84',
  reportedAt: new Date().toISOString(), source: 'terminal',
})
const about = (id: string) => (e: StreamEvent) => e.event === 'incident' && JSON.parse(e.data).id === id
const ids = (events: StreamEvent[]) => events.filter((e) => e.event === 'incident').map((e) => JSON.parse(e.data).id)

describe.each(TEST_ENGINES)('the live feed on %s', (kind) => {
  let t: TestApp
  let feed: LiveFeed
  let server: ServerType
  let base: string
  let admin: string
  const stream = async (username: string) => readEventStream(`${base}/api/events/stream?token=${await t.login(username)}`)
  const post = async (body: object) => {
    const res = await fetch(`${base}/api/incidents`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify(body) })
    expect(res.status).toBe(201)
  }

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE + RUDONG)
    const passwordHash = await hashPassword(FIXTURE_PASSWORD)
    await createUser(t.db, { username: 'county-320623', displayName: '如东', role: 'county_center', scopeKind: 'admin_unit', scopeCodes: ['320623000000'], passwordHash })
    await createUser(t.db, { username: 'department-police110', displayName: '110', role: 'department', scopeKind: 'department', scopeCodes: ['police110'], passwordHash })
    feed = createLiveFeed(t.db, pino({ level: 'silent' }))
    const app = createApp({ db: t.db, tokens: t.tokens, log: pino({ level: 'silent' }) }, feed)
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    admin = await t.login('admin')
    await post(report('0101', [120.601, 31.901])) // warm-up: a fresh engine's first intake plans every statement
  })
  afterAll(async () => {
    if ('closeAllConnections' in server) server.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
    await t?.close()
  })

  it('brings a report within a second to the viewers whose jurisdiction holds it, and to no one else', async () => {
    const [tongzhou, rudong, citymgmt, police] = await Promise.all(
      ['county-320612', 'county-320623', 'department-citymgmt', 'department-police110'].map(stream))
    try {
      const rubbish = report('0101', [120.605, 31.905]) // 通州区, routed to city management
      const posted = performance.now()
      await post(rubbish)
      const seen = await tongzhou.next(about(rubbish.id))
      expect(seen.at - posted).toBeLessThan(LIVE_WITHIN_MS)
      expect(JSON.parse(seen.data)).toMatchObject({ id: rubbish.id, op: 'insert', status: 'reported', villageCode: '320612001001', stationCode: '320612510100', departmentCode: 'citymgmt', gridCode: '320612001001001', location: [120.605, 31.905] })
      expect(seen.id).toMatch(/^\d+$/)
      await citymgmt.next(about(rubbish.id))

      // Each stream gets its events in commit order: a later one arriving proves an earlier one was withheld.
      const inRudong = report('0101', [121.05, 31.85])
      await post(inRudong)
      await rudong.next(about(inRudong.id))
      const police110 = report('0801', [120.605, 31.905])
      await post(police110)
      await police.next(about(police110.id))
      await tongzhou.next(about(police110.id))
      await citymgmt.next(about(inRudong.id))
      expect(ids(rudong.events)).toEqual([inRudong.id])
      expect(ids(police.events)).toEqual([police110.id])
      expect(ids(tongzhou.events)).toEqual([rubbish.id, police110.id])
      expect(ids(citymgmt.events)).toEqual([rubbish.id, inRudong.id])
    } finally {
      for (const s of [tongzhou, rudong, citymgmt, police]) s.close()
    }
  })

  it('announces a change of status, not an edit of the text, and nothing from a bulk load', async () => {
    const body = report('0101', [120.615, 31.915])
    await post(body)
    const city = await stream('city')
    try {
      await t.db.query(`UPDATE incident SET description = '补充说明' WHERE id = $1`, [body.id])
      await t.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('wangge.bulk_load', 'on', true)`)
        await tx.query(`UPDATE incident SET status = 'shelved' WHERE id = $1`, [body.id])
      })
      await t.db.query(`UPDATE incident SET status = 'accepted' WHERE id = $1`, [body.id])
      const accepted = await city.next(about(body.id))
      expect(JSON.parse(accepted.data)).toMatchObject({ op: 'update', status: 'accepted' })
      await new Promise((r) => setTimeout(r, QUIET_MS))
      expect(ids(city.events)).toEqual([body.id])
    } finally {
      city.close()
    }
  })

  it('refuses a stream without a valid token (401) and takes ?token= on this route only', async () => {
    const app = createApp({ db: t.db, tokens: t.tokens, log: pino({ level: 'silent' }) }, feed)
    for (const path of ['/api/events/stream', '/api/events/stream?token=not.a.token', '/api/events/stream?token=a%0Ab', '/api/events/stream?token=%E4%B8%AD']) {
      const res = await app.request(path)
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ type: '/problems/unauthenticated' })
    }
    expect((await app.request(`/api/auth/me?token=${admin}`)).status).toBe(401)
  })

  it('keeps the token of the query string out of the request log', async () => {
    let logged = ''
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _, done) => done(void (logged += chunk)) }))
    const app = createApp({ db: t.db, tokens: t.tokens, log }, createLiveFeed(t.db, log))
    const res = await app.request(`/api/events/stream?token=${admin}`)
    expect(res.status).toBe(200)
    await res.body?.cancel()
    expect(logged).toContain('/api/events/stream')
    expect(logged).not.toContain(admin)
    expect(logged).not.toContain('token=')
  })

  it('forgets a viewer who disconnects', async () => {
    const settled = async () => {
      const deadline = Date.now() + 2_000
      while (feed.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      return feed.size
    }
    expect(await settled()).toBe(0) // the streams of the tests above, closed by their clients
    const viewer = await stream('town-320612001')
    expect(feed.size).toBe(1)
    viewer.close()
    expect(await settled()).toBe(0)
  })
})
