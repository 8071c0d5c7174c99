import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'

describe.each(TEST_ENGINES)('health and errors on %s', (kind) => {
  let t: TestApp
  const post = (path: string, body: string, type = 'application/json') =>
    t.app.request(path, { method: 'POST', headers: { 'content-type': type }, body })

  beforeAll(async () => {
    t = await openTestApp(kind)
  })
  afterAll(() => t?.close())

  it('reports health with the engine and the PostGIS version', async () => {
    const res = await t.app.request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', db: { kind, postgis: expect.stringMatching(/^3\.\d+\.\d+/) } })
  })

  it('answers an unknown route with a 404 problem', async () => {
    for (const path of ['/api/nothing', '/tiles/nothing', '/ogc/nothing', '/open311/nothing']) {
      const res = await t.app.request(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await post('/api/auth/login', '{"username": "admin",')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ type: '/problems/malformed-json', status: 400, title: 'Malformed JSON' })
  })

  it('names the field that fails validation', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ username: 'admin' }))
    expect(res.status).toBe(422)
    const body = (await res.json()) as { errors: { field: string }[]; detail: string }
    expect(body.errors.map((e) => e.field)).toEqual(['password'])
    expect(body.detail).toContain('password')
  })

  it('answers a body that is not JSON with 415', async () => {
    expect((await post('/api/auth/login', 'username=admin', 'application/x-www-form-urlencoded')).status).toBe(415)
  })

  it('answers a body over 1 MB with 413, declared or streamed', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(1024 * 1024) })
    const res = await post('/api/auth/login', big)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const stream = new ReadableStream({
      start(ctrl) {
        ctrl.enqueue(new TextEncoder().encode(big))
        ctrl.close()
      },
    })
    const streamed = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
  })

  it('answers a bad query parameter with a 400 that names it', async () => {
    const res = await t.app.request('/api/admin-units?level=planet', { headers: { authorization: `Bearer ${await t.login('admin')}` } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0].field).toBe('level')
  })
})
