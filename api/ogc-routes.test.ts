// OGC API – Features as clients read it: the landing page, conformance, collections, paged and
// filtered items, scoped incidents, and GDAL's OAPIF driver reading every collection over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openTestApp, type TestApp } from './test-app.ts'
import { FIXTURE_INCIDENTS, loadTileCity } from '../tiles/tile-city.fixture.ts'
import { OGC_COLLECTIONS } from '../ogc/ogc-collections.ts'

const run = promisify(execFile)
const CORE = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'
const GEOJSON_CLASS = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'

describe.each(TEST_ENGINES)('OGC API – Features on %s', (kind) => {
  let t: TestApp
  let city: string
  let county: string
  const get = async (path: string, token?: string) => {
    const res = await t.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    return { res, body: res.headers.get('content-type')?.includes('json') ? await res.json() : null }
  }

  beforeAll(async () => {
    t = await openTestApp(kind)
    await loadTileCity(t.db)
    city = await t.login('city')
    county = await t.login('county-320612')
  })
  afterAll(() => t?.close())

  it('answers the landing page and the Core and GeoJSON conformance classes', async () => {
    const { res, body } = await get('/ogc')
    expect(res.status).toBe(200)
    expect(body.links.map((l: { rel: string }) => l.rel)).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']))
    const conformance = await get('/ogc/conformance')
    expect(conformance.body.conformsTo).toEqual(expect.arrayContaining([CORE, GEOJSON_CLASS]))
    expect((await get('/ogc/api')).res.status).toBe(200)
  })

  it('lists the five collections in CRS84 with their extents and items links', async () => {
    const { body } = await get('/ogc/collections')
    expect(body.collections.map((c: { id: string }) => c.id).sort()).toEqual(Object.keys(OGC_COLLECTIONS).sort())
    for (const c of body.collections) {
      expect(c.crs).toEqual(['http://www.opengis.net/def/crs/OGC/1.3/CRS84'])
      expect(c.extent.spatial.bbox[0]).toHaveLength(4)
      expect(c.links.find((l: { rel: string }) => l.rel === 'items').href).toBe(`http://localhost/ogc/collections/${c.id}/items`)
      expect((await get(`/ogc/collections/${c.id}`)).body.id).toBe(c.id)
    }
    expect((await get('/ogc/collections/roads')).res.status).toBe(404)
  })

  it('pages grids with numberMatched, numberReturned and next links, as GeoJSON', async () => {
    const first = await get('/ogc/collections/grids/items?limit=5')
    expect(first.res.headers.get('content-type')).toBe('application/geo+json')
    expect(first.body).toMatchObject({ type: 'FeatureCollection', numberMatched: 12, numberReturned: 5 })
    const codes: string[] = first.body.features.map((f: { id: string }) => f.id)
    let next = first.body.links.find((l: { rel: string }) => l.rel === 'next')?.href
    while (next) {
      const page = await get(new URL(next).pathname + new URL(next).search)
      codes.push(...page.body.features.map((f: { id: string }) => f.id))
      next = page.body.links.find((l: { rel: string }) => l.rel === 'next')?.href
    }
    expect(codes).toHaveLength(12)
    expect(new Set(codes).size).toBe(12)
    const f = first.body.features[0]
    expect(f.geometry.type).toBe('MultiPolygon')
    expect(f.geometry.coordinates[0][0][0][0]).toBeGreaterThan(120) // longitude first (CRS84)
    expect((await get('/ogc/collections/grids/items')).body.numberReturned).toBe(12) // default limit 100
  })

  it('filters by bbox and by simple properties', async () => {
    const west = await get('/ogc/collections/grids/items?bbox=120.871,31.991,120.879,31.999')
    expect(west.body.features.map((f: { id: string }) => f.id)).toEqual(['320613001001001'])
    expect((await get('/ogc/collections/grids/items?county=320612')).body.numberMatched).toBe(4)
    expect((await get('/ogc/collections/exclusive_grids/items?type=school')).body.numberMatched).toBe(1)
    expect((await get('/ogc/collections/admin_units/items?level=village')).body.numberMatched).toBe(6)
    expect((await get('/ogc/collections/stations/items?county=320613000000')).body.numberMatched).toBe(1)
  })

  it.each([
    ['limit=10001', 'limit'], ['limit=0', 'limit'], ['bbox=1,2,3', 'bbox'], ['bbox=10,0,5,1', 'bbox'],
    ['offset=-1', 'offset'], ['county=32', 'county'], ['datetime=2026-11-01T00:00:00Z', 'datetime'],
    ['offset=99999999999999999999', 'offset'], ['limit=0x10', 'limit'], ['limit=1e2', 'limit'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const { res, body } = await get(`/ogc/collections/grids/items?${query}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(body.errors[0].field).toBe(field)
  })

  it('returns one feature by id, and 404 for an unknown one', async () => {
    const { res, body } = await get('/ogc/collections/grids/items/320613001001001')
    expect(res.status).toBe(200)
    expect(body).toMatchObject({ type: 'Feature', id: '320613001001001', properties: { name: '和平桥社区第1网格' } })
    expect((await get('/ogc/collections/grids/items/320613001001999')).res.status).toBe(404)
    expect((await get('/ogc/collections/grids/items/not-a-code')).res.status).toBe(404)
  })

  it('serves incidents only to a signed-in user, within their jurisdiction, by datetime', async () => {
    expect((await get('/ogc/collections/incidents/items')).res.status).toBe(401)
    const all = await get('/ogc/collections/incidents/items?limit=1000', city)
    expect(all.body.numberMatched).toBe(FIXTURE_INCIDENTS.length)
    const mine = await get('/ogc/collections/incidents/items?limit=1000', county)
    const inCounty = FIXTURE_INCIDENTS.filter((i) => i.lat > 32.0 && i.lon > 120.89)
    expect(mine.body.features.map((f: { id: string }) => f.id).sort()).toEqual(inCounty.map((i) => i.id).sort())
    const outside = FIXTURE_INCIDENTS.find((i) => !inCounty.includes(i))!
    expect((await get(`/ogc/collections/incidents/items/${outside.id}`, county)).res.status).toBe(404)
    expect((await get(`/ogc/collections/incidents/items/${outside.id}`, city)).body.properties.status).toBe(outside.status)
    const window = await get('/ogc/collections/incidents/items?datetime=2026-11-05T00:00:00Z/..&status=closed', city)
    expect(window.body.numberMatched).toBe(FIXTURE_INCIDENTS.filter((i) => i.reportedAt >= '2026-11-05T00:00:00Z' && i.status === 'closed').length)
    expect((await get('/ogc/collections/incidents/items?datetime=2026-12-01T00:00:00Z/2026-11-01T00:00:00Z', city)).res.status).toBe(400)
    for (const datetime of ['0000-01-01T00:00:00Z/..', '../9999-12-31T23:59:59-23:00', '2026-11-01T00:00:00+23:00']) {
      expect((await get(`/ogc/collections/incidents/items?datetime=${encodeURIComponent(datetime)}`, city)).res.status, datetime).toBe(400)
    }
  })

  describe('read by GDAL', () => {
    let server: ServerType
    let base: string
    beforeAll(async () => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
      await new Promise((resolve) => server.once('listening', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`
    })
    afterAll(async () => {
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise((resolve) => server?.close(resolve))
    })

    it.each(Object.keys(OGC_COLLECTIONS))('ogrinfo reads %s', async (id) => {
      const env = { ...process.env, GDAL_HTTP_HEADERS: `Authorization: Bearer ${city}`, CPL_DEBUG: 'OFF' }
      const { stdout } = await run('ogrinfo', ['-ro', '-so', `OAPIF:${base}`, id], { env, timeout: 60_000 })
      const expected = (await get(`/ogc/collections/${id}/items?limit=1`, city)).body.numberMatched
      expect(expected).toBeGreaterThan(0)
      expect(stdout).toContain(`Layer name: ${id}`)
      expect(stdout).toMatch(new RegExp(`Feature Count: ${expected}\\b`))
      expect(stdout).toMatch(/Geometry: (Multi Polygon|Point|Unknown \(any\))/)
    })

    it('ogrinfo without a token cannot read incidents', async () => {
      const { stdout, stderr } = await run('ogrinfo', ['-ro', '-so', `OAPIF:${base}`, 'incidents'], { timeout: 60_000 })
      expect(stderr).toContain('HTTP error code : 401')
      expect(stdout).toContain('Feature Count: 0')
    })

    it('ogrinfo reads every feature of grids through the next links', async () => {
      const { stdout } = await run('ogrinfo', ['-ro', '-al', '-q', '-oo', 'PAGE_SIZE=5', `OAPIF:${base}/collections/grids`], { timeout: 60_000 })
      expect(stdout.match(/^OGRFeature\(grids\):/gm)).toHaveLength(12)
      expect(stdout).toContain('和平桥社区第1网格')
    })
  })
})
