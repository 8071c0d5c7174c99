import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, FIXTURE_PASSWORD, type TestApp } from './test-app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { TEST_ENGINES } from '../db/test-database.ts'

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe.each(TEST_ENGINES)('sign-in and tokens on %s', (kind) => {
  let t: TestApp
  const get = (path: string, token?: string) =>
    t.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  const login = (body: unknown) =>
    t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  beforeAll(async () => {
    t = await openTestApp(kind)
  })
  afterAll(() => t?.close())

  it('signs in with the right password and returns a token and the user', async () => {
    const res = await login({ username: 'town-320612001', password: FIXTURE_PASSWORD })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token: string; user: Record<string, unknown> }
    expect(body.token.split('.')).toHaveLength(3)
    expect(body.user).toMatchObject({ username: 'town-320612001', role: 'town_center', scopeCodes: ['320612001000'] })
    expect(body.user).not.toHaveProperty('passwordHash')
    const me = await get('/api/auth/me', body.token)
    expect(await me.json()).toMatchObject({ user: { username: 'town-320612001' }, jurisdiction: { areaPrefixes: ['320612001'] } })
  })

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    for (const body of [{ username: 'admin', password: 'wrong' }, { username: 'nobody', password: FIXTURE_PASSWORD }]) {
      const res = await login(body)
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(await res.json()).toMatchObject({ type: '/problems/unauthenticated', detail: 'Wrong username or password.' })
    }
  })

  it('answers 401 without a token, with a malformed one and with a tampered one', async () => {
    const good = await t.login('admin')
    const [h, p, s] = good.split('.')
    const tampered = [h, b64url({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: '2' }), s].join('.')
    for (const token of [undefined, 'not-a-jwt', tampered]) {
      expect((await get('/api/auth/me', token)).status).toBe(401)
    }
    expect((await get('/api/auth/me', good)).status).toBe(200)
  })

  it('answers 401 to an expired token', async () => {
    const secret = await loadSigningSecret(t.db)
    const yesterday = createTokenService(secret, () => new Date(Date.now() - 13 * 3600_000))
    const { token } = await yesterday.sign(1, 'admin')
    expect((await get('/api/auth/me', token)).status).toBe(401)
  })

  it('answers 401 to an unsigned alg:none token', async () => {
    const now = Math.floor(Date.now() / 1000)
    const claims = { sub: '1', role: 'admin', iss: 'wangge', aud: 'wangge-api', iat: now, exp: now + 3600 }
    const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`
    expect((await get('/api/auth/me', none)).status).toBe(401)
  })

  it('answers 403 to a role the route does not allow', async () => {
    const res = await get('/api/users', await t.login('town-320612001'))
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ type: '/problems/forbidden' })
    expect((await get('/api/users', await t.login('admin'))).status).toBe(200)
  })

  it('answers 404 for an object in another jurisdiction, 200 inside it', async () => {
    const county = await t.login('county-320612')
    expect((await get('/api/admin-units/320612001000', county)).status).toBe(200)
    const other = await get('/api/admin-units/320623100000', county)
    expect(other.status).toBe(404)
    expect(await other.json()).toMatchObject({ type: '/problems/not-found' })
    const list = (await (await get('/api/admin-units?level=town', county)).json()) as { features: { id: string }[] }
    expect(list.features.map((f) => f.id)).toEqual(['320612001000'])
    const admin = (await (await get('/api/admin-units?level=town', await t.login('admin'))).json()) as { features: unknown[] }
    expect(admin.features).toHaveLength(2)
  })

  it('scopes a station to its county and a grid worker to its village', async () => {
    const station = await get('/api/admin-units?level=county', await t.login('station-320612510100'))
    expect(((await station.json()) as { features: { id: string }[] }).features.map((f) => f.id)).toEqual(['320612000000'])
    const worker = await get('/api/admin-units/320612001000', await t.login('worker-320612001001001'))
    expect(worker.status).toBe(404) // the town is above the worker's village
  })

  it('ends the sessions of a deactivated user at once', async () => {
    const token = await t.login('department-citymgmt')
    await t.db.query(`UPDATE app_user SET active = false WHERE username = 'department-citymgmt'`)
    expect((await get('/api/auth/me', token)).status).toBe(401)
  })
})
