import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import pino from 'pino'
import { createApp } from './app.ts'
import { createAccess, denyUndeclared, undeclaredRoutes } from './access.ts'
import type { AppEnv } from './app-env.ts'
import { openTestApp, type TestApp } from './test-app.ts'

describe('route access declarations', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('embedded')
  })
  afterAll(() => t?.close())

  it('finds a declaration on every route of the app', () => {
    const app = createApp({ db: t.db, tokens: t.tokens, log: pino({ level: 'silent' }), webRoot: 'web/dist' })
    expect(app.routes.length).toBeGreaterThan(5)
    expect(undeclaredRoutes(app)).toEqual([])
  })

  it('answers unknown service paths with a 404 problem even beside the web app', async () => {
    const app = createApp({ db: t.db, tokens: t.tokens, log: pino({ level: 'silent' }), webRoot: 'web/dist' })
    for (const path of ['/api/nothing', '/ogc/x', '/tiles/x/1/2/3.mvt']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('names a route that lacks a declaration', () => {
    const access = createAccess(t)
    const app = new Hono<AppEnv>()
    app.get('/declared', access('public'), (c) => c.text('ok'))
    app.get('/forgotten', (c) => c.text('secret'))
    expect(undeclaredRoutes(app)).toEqual(['GET /forgotten'])
  })

  it('refuses at run time to answer from an undeclared route', async () => {
    const seen: string[] = []
    const app = new Hono<AppEnv>()
    app.use('*', denyUndeclared((route) => seen.push(route)))
    app.get('/forgotten', (c) => c.text('secret'))
    const res = await app.request('/forgotten')
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('secret')
    expect(seen).toEqual(['GET /forgotten'])
  })
})
