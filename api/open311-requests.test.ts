// Open311 GET requests.json filters and POST retries through the real app on both engines.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { issueServiceKey } from './api-key.fixture.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { findApiKey } from '../accounts/api-keys.ts'
import { createIncident } from '../incidents/create-incident.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const DAY_MS = 86_400_000
const form = (over: Record<string, string> = {}) => ({ service_code: '0101', lat: '31.905', long: '120.605', description: '垃圾满溢', ...over })

describe.each(TEST_ENGINES)('Open311 request search and retries on %s', (kind) => {
  let t: TestApp
  let key: string
  const ids: Record<string, string> = {}
  const get = async (query: string) => {
    const res = await t.app.request(`/open311/v2/requests.json?api_key=${key}&${query}`)
    return { status: res.status, body: (await res.json()) as any[] }
  }
  const found = async (query: string) => {
    const { status, body } = await get(query)
    expect(status, JSON.stringify(body)).toBe(200)
    return body.map((r: { service_request_id: string }) => r.service_request_id)
  }
  const post = (fields: Record<string, string>, idempotencyKey?: string) =>
    t.app.request('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: new URLSearchParams({ api_key: key, ...fields }).toString(),
    })
  const idOf = async (res: Response) => ((await res.json()) as { service_request_id: string }[])[0].service_request_id

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    key = await issueServiceKey(t.db, 'hotline12345', 'hotline')
    const by = (await findApiKey(t.db, key))!
    // Four reports at known times: rubbish 200 days ago, rubbish 10 days ago (closed), police 2 days ago, rubbish now.
    const file = async (name: string, category: string, daysAgo: number) => {
      ids[name] = randomUUID()
      const reportedAt = new Date(Date.now() - daysAgo * DAY_MS).toISOString()
      const r = await createIncident(t.db, { id: ids[name], category, description: name, location: { type: 'Point', coordinates: [120.605, 31.905] }, crs: 'WGS84', reportedAt, source: 'hotline' }, by)
      expect(r.outcome).toBe('created')
    }
    await file('old', '0101', 200)
    await file('closed', '0101', 10)
    await file('police', '0801', 2)
    await file('recent', '0101', 0)
    await t.db.query(`UPDATE incident SET status = 'closed' WHERE id = $1`, [ids.closed])
  })
  afterAll(() => t?.close())

  it('returns the last 90 days by default, newest first', async () => {
    expect(await found('')).toEqual([ids.recent, ids.police, ids.closed])
  })

  it('filters by service_code, status and dates, each a comma list where the spec allows', async () => {
    expect(await found('service_code=0801')).toEqual([ids.police])
    expect(await found('service_code=0801,0101')).toEqual([ids.recent, ids.police, ids.closed])
    expect(await found('status=closed')).toEqual([ids.closed])
    expect(await found('status=open')).toEqual([ids.recent, ids.police])
    expect(await found('status=open,closed&service_code=0101')).toEqual([ids.recent, ids.closed])
    const iso = (daysAgo: number) => encodeURIComponent(new Date(Date.now() - daysAgo * DAY_MS).toISOString())
    expect(await found(`start_date=${iso(365)}&end_date=${iso(100)}`)).toEqual([ids.old])
    expect(await found(`start_date=${iso(11)}&end_date=${iso(1)}`)).toEqual([ids.police, ids.closed])
    expect(await found(`end_date=${iso(5)}`)).toEqual([ids.closed]) // 90 days back from end_date
  })

  it('returns the requests asked for by id and ignores the other filters then', async () => {
    expect(await found(`service_request_id=${ids.old},${ids.police}&service_code=0101`)).toEqual([ids.police, ids.old])
  })

  it.each([
    ['an unknown status', 'status=pending', 'status'],
    ['a date without offset', 'start_date=2026-12-01T00:00:00', 'start_date'],
    ['a start after the end', 'start_date=2026-12-02T00:00:00Z&end_date=2026-12-01T00:00:00Z', 'after'],
    ['an id that is not a UUID', 'service_request_id=638344', '638344'],
    ['a year PostgreSQL cannot store', 'start_date=0000-01-01T00:00:00Z', 'start_date'],
  ])('refuses %s with the spec\'s 400', async (_, query, says) => {
    const { status, body } = await get(query)
    expect(status).toBe(400)
    expect(body).toEqual([{ code: 400, description: expect.stringContaining(says) }])
  })

  it('makes a new request for every plain POST, as the spec implies', async () => {
    const a = await post(form())
    const b = await post(form())
    expect([a.status, b.status]).toEqual([201, 201])
    expect(await idOf(a)).not.toBe(await idOf(b))
  })

  it('replays a POST retried with the same Idempotency-Key and refuses the key for another request', async () => {
    const first = await post(form(), 'GD20261203000123')
    expect(first.status).toBe(201)
    const id = await idOf(first)
    const again = await post(form(), 'GD20261203000123')
    expect(again.status).toBe(200)
    expect(await idOf(again)).toBe(id)
    const changed = await post(form({ description: '改了' }), 'GD20261203000123')
    expect(changed.status).toBe(409)
    expect(await changed.json()).toEqual([{ code: 409, description: expect.stringContaining('GD20261203000123') }])
    expect((await t.db.query('SELECT 1 FROM incident WHERE id = $1', [id])).rowCount).toBe(1)
    const bad = await post(form(), 'has spaces in it')
    expect(bad.status).toBe(400)
  })

  it('makes exactly one incident of 10 concurrent POSTs with one Idempotency-Key', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(form({ description: '并发重试' }), 'GD-concurrent-1')))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(await Promise.all(responses.map(idOf))).size).toBe(1)
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE description = '并发重试'`)
    expect(rows[0].n).toBe(1)
  })
})
