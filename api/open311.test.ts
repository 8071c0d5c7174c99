// Open311 GeoReport v2 for the 12345 hotline through the real app on both engines: discovery and
// services, filing a request form-encoded (as the spec's example) or as JSON, reading it back in the
// spec's shape, and the spec's errors. Filters and retries: open311-requests.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { issueServiceKey } from './api-key.fixture.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
// The keys of the spec's example answers.
const SERVICE_KEYS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']
const CREATED_KEYS = ['service_request_id', 'service_notice', 'account_id']
const REQUEST_KEYS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description',
  'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address',
  'address_id', 'zipcode', 'lat', 'long', 'media_url']
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/

// The spec's example POST, with a service and a point of the fixture city.
const springfield = (apiKey: string, over: Record<string, string> = {}) => new URLSearchParams({
  api_key: apiKey, service_code: '0101', lat: '31.905', long: '120.605', address_string: '和平路12号',
  email: 'smit333@example.org', device_id: 'tt222111', account_id: '123456', first_name: 'john', last_name: 'smith',
  phone: '111111111', description: '路边有一大堆暴露垃圾', media_url: 'http://www.example.org/media/12345.jpg', ...over,
})

describe.each(TEST_ENGINES)('Open311 GeoReport v2 on %s', (kind) => {
  let t: TestApp
  let hotline: string
  let feed110: string
  const get = (path: string) => t.app.request(`/open311/v2/${path}`)
  const postForm = (form: URLSearchParams, path = 'requests.json') =>
    t.app.request(`/open311/v2/${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })
  const postJson = (body: unknown) =>
    t.app.request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n
  const specError = async (res: Response, code: number, says?: string) => {
    expect(res.status).toBe(code)
    const body = (await res.json()) as { code: number; description: string }[]
    expect(body).toEqual([{ code, description: expect.any(String) }])
    if (says) expect(body[0].description).toContain(says)
  }

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    hotline = await issueServiceKey(t.db, 'hotline12345', 'hotline')
    feed110 = await issueServiceKey(t.db, 'feed110', '110')
  })
  afterAll(() => t?.close())

  it('describes itself in discovery.json: JSON only, this endpoint', async () => {
    const res = await get('discovery.json')
    expect(res.status).toBe(200)
    const discovery = (await res.json()) as any
    expect(Object.keys(discovery).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service'])
    expect(discovery.endpoints).toEqual([{
      specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost/open311/v2',
      changeset: discovery.changeset, type: 'production', formats: ['application/json'],
    }])
  })

  it('lists the categories as services and defines each with no extra attributes', async () => {
    const services = (await (await get('services.json')).json()) as Record<string, unknown>[]
    expect(services.map((s) => s.service_code)).toEqual(['0101', '0801', '1501'])
    for (const s of services) expect(Object.keys(s).sort()).toEqual([...SERVICE_KEYS].sort())
    expect(services[0]).toMatchObject({ service_name: '暴露垃圾', metadata: false, type: 'realtime', group: '市容环境' })
    expect(services[0].description).toContain('数字城管')
    expect(services[0].keywords).toContain('Exposed rubbish')
    expect(await (await get('services/0801.json')).json()).toEqual({ service_code: '0801', attributes: [] })
    await specError(await get('services/9999.json'), 404, '9999')
  })

  it('files a form-encoded request as a hotline incident and reads it back in the spec shape', async () => {
    const res = await postForm(springfield(hotline))
    expect(res.status).toBe(201)
    const created = (await res.json()) as any[]
    expect(created).toHaveLength(1)
    expect(Object.keys(created[0]).sort()).toEqual([...CREATED_KEYS].sort())
    expect(created[0]).toMatchObject({ service_request_id: expect.stringMatching(/^[0-9a-f-]{36}$/), account_id: null })
    expect(created[0].service_notice).toContain('数字城管')
    const id = created[0].service_request_id

    const read = (await (await get(`requests/${id}.json?api_key=${hotline}`)).json()) as any[]
    expect(read).toHaveLength(1)
    expect(Object.keys(read[0]).sort()).toEqual([...REQUEST_KEYS].sort())
    expect(read[0]).toMatchObject({
      service_request_id: id, status: 'open', service_code: '0101', service_name: '暴露垃圾',
      description: '路边有一大堆暴露垃圾', agency_responsible: '数字城管', address: '和平路12号',
      media_url: 'http://www.example.org/media/12345.jpg', address_id: null, zipcode: null,
    })
    expect(read[0].lat).toBeCloseTo(31.905, 9)
    expect(read[0].long).toBeCloseTo(120.605, 9)
    for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(read[0][k]).toMatch(W3C)

    const row = (await t.db.query<{ source: string; raw_crs: string; reporter: string; raw: any }>(
      `SELECT i.source, i.raw_crs, u.username AS reporter, i.raw FROM incident i JOIN app_user u ON u.id = i.reporter_id WHERE i.id = $1`, [id])).rows[0]
    expect(row).toMatchObject({ source: 'hotline', raw_crs: 'WGS84', reporter: 'hotline12345' })
    expect(row.raw.open311).toMatchObject({ service_code: '0101', device_id: 'tt222111', phone: '111111111' })
    expect(JSON.stringify(row.raw)).not.toContain(hotline)
  })

  it('takes the same request as JSON, and routes a police matter to the police', async () => {
    const res = await postJson({ api_key: hotline, service_code: '0801', lat: 31.905, long: 120.605, description: '夜间有人聚集' })
    expect(res.status).toBe(201)
    const [{ service_request_id: id }] = (await res.json()) as any[]
    const [read] = (await (await get(`requests/${id}.json?api_key=${hotline}`)).json()) as any[]
    expect(read).toMatchObject({ service_code: '0801', agency_responsible: '110公安', address: null, media_url: null })
  })

  it('folds every status into open or closed, with the last note as status_notes', async () => {
    const [{ service_request_id: id }] = (await (await postForm(springfield(hotline))).json()) as any[]
    const expected: Record<string, string> = {
      reported: 'open', accepted: 'open', dispatched: 'open', signed: 'open', handled: 'open', verified: 'open', shelved: 'open',
      closed: 'closed', evaluated: 'closed', rejected: 'closed', merged: 'closed',
    }
    for (const [status, open311] of Object.entries(expected)) {
      await t.db.query('UPDATE incident SET status = $2 WHERE id = $1', [id, status])
      const [read] = (await (await get(`requests/${id}.json?api_key=${hotline}`)).json()) as any[]
      expect(read.status, status).toBe(open311)
    }
    await t.db.query(`INSERT INTO incident_event (incident_id, action, from_status, to_status, note) VALUES ($1, 'reject', 'reported', 'rejected', '不属于受理范围')`, [id])
    const [read] = (await (await get(`tokens/${id}.json?api_key=${hotline}`)).json()) as any[]
    expect(read).toEqual({ service_request_id: id, token: id })
    const [notes] = (await (await get(`requests/${id}.json?api_key=${hotline}`)).json()) as any[]
    expect(notes.status_notes).toBe('不属于受理范围')
  })

  it('wants a hotline api_key on every request endpoint: none is 401, a wrong or 110 key 403', async () => {
    const before = await count()
    await specError(await postForm(springfield('')), 401, 'api_key')
    await specError(await postForm(springfield('wg_not-a-real-key-at-all-000000')), 403, 'api_key')
    await specError(await postForm(springfield(feed110)), 403, '110')
    await specError(await get('requests.json'), 401)
    await specError(await get('requests.json?api_key=wg_not-a-real-key-at-all-000000'), 403)
    await specError(await get('requests/00000000-0000-4000-8000-000000000000.json'), 401)
    await specError(await get('tokens/00000000-0000-4000-8000-000000000000.json'), 401)
    expect(await count()).toBe(before)
    const headerKey = await t.app.request('/open311/v2/requests.json', { headers: { 'x-api-key': hotline } })
    expect(headerKey.status).toBe(200)
  })

  it.each([
    ['a latitude out of range', { lat: '91' }, 'lat'],
    ['a longitude that is not a number', { long: 'abc' }, 'long'],
    ['an exponent', { lat: '3.19e1' }, 'lat'],
    ['no latitude, only an address', { lat: '' }, 'does not geocode'],
    ['lat and long swapped', { lat: '120.605', long: '31.905' }, 'lat'],
    ['a point far outside the city', { lat: '39.9', long: '116.39' }, 'far outside'],
    ['an unknown service_code', { service_code: '9999' }, 'service_code'],
    ['no service_code', { service_code: '' }, 'service_code'],
    ['a media_url that is not http', { media_url: 'file:///etc/passwd' }, 'media_url'],
    ['a description over 4,000 characters', { description: '长'.repeat(4_001) }, 'description'],
    ['a NUL in the description', { description: '垃圾\u0000' }, 'control character'],
  ])('refuses %s with the spec\'s 400, writing nothing', async (_, over, says) => {
    const before = await count()
    await specError(await postForm(springfield(hotline, over)), 400, says)
    expect(await count()).toBe(before)
  })

  it('answers .xml with a 400 saying JSON only, and never a 500 for odd input', async () => {
    for (const path of ['discovery.xml', 'services.xml', 'services/0101.xml', 'requests.xml', 'requests/x.xml', 'tokens/x.xml']) {
      await specError(await get(path), 400, 'JSON only')
    }
    await specError(await postForm(springfield(hotline), 'requests.xml'), 400, 'JSON only')
    await specError(await get('nothing-here.json'), 404)
    await specError(await get(`requests/not-a-uuid.json?api_key=${hotline}`), 404)
    await specError(await get(`requests/00000000-0000-4000-8000-000000000000.json?api_key=${hotline}`), 404)
    await specError(await postJson([1, 2]), 400)
    await specError(await postJson({ api_key: hotline, service_code: '0101', lat: 31.905, long: 120.605, description: '\ud800' }), 400, 'surrogate')
    await specError(await get(`requests.json?api_key=${hotline}&service_code=01%0001`), 400, 'control character')
    const text = await t.app.request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })
    await specError(text, 415)
    const broken = await t.app.request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":' })
    await specError(broken, 400)
  })
})
