// The tile endpoints as a map uses them: status codes, ETags, freshness after edits, access and
// jurisdiction of the scoped layers, TileJSON and the style.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openTestApp, type TestApp } from './test-app.ts'
import { TILE_LAYERS } from '../tiles/tile-layers.ts'
import { decodeTile } from '../tiles/decode-tile.fixture.ts'
import { FIXTURE_INCIDENTS, fixtureIncident, insertFixtureIncident, loadTileCity, tileAt } from '../tiles/tile-city.fixture.ts'
import { basemapFromEnv } from '../tiles/basemap.ts'
import { mapStyle } from '../tiles/map-style.ts'

const Z12 = tileAt(120.9, 32.0, 12) // the whole tiny city
const Z14 = tileAt(120.9, 32.0, 14)
const url = (layer: string, t: { z: number; x: number; y: number }, query = '') => `/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt${query}`

describe.each(TEST_ENGINES)('tile routes on %s', (kind) => {
  let t: TestApp
  let city: string
  let county: string
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const features = async (res: Response, layer: string) => decodeTile(new Uint8Array(await res.arrayBuffer()))[layer] ?? []

  beforeAll(async () => {
    t = await openTestApp(kind)
    await loadTileCity(t.db)
    city = await t.login('city')
    county = await t.login('county-320612')
  })
  afterAll(() => t?.close())

  it('serves a public layer as MVT with an ETag, and 304 for If-None-Match', async () => {
    const res = await get(url('grids', Z12))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile')
    expect(res.headers.get('cache-control')).toBe(TILE_LAYERS.grids.cacheControl)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect((await features(res, 'grids')).length).toBe(12)
    const again = await get(url('grids', Z12), { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect((await get(url('grids', Z12), { 'if-none-match': '"other"' })).status).toBe(200)
  })

  it('answers 204 for a tile with nothing in it', async () => {
    const res = await get(url('grids', tileAt(100, 40, 12)))
    expect(res.status).toBe(204)
    expect(res.headers.get('etag')).toBeTruthy()
  })

  it.each([
    ['z above 22', '/tiles/grids/23/0/0.mvt', 'z'],
    ['x beyond 2^z', '/tiles/grids/3/8/0.mvt', 'x'],
    ['y beyond 2^z', '/tiles/grids/3/0/8.mvt', 'y'],
    ['a fractional z', '/tiles/grids/1.5/0/0.mvt', 'z'],
    ['a negative x', '/tiles/grids/3/-1/0.mvt', 'x'],
    ['a word for y', '/tiles/grids/3/0/abc.mvt', 'y'],
  ])('refuses %s with 400 naming the field', async (_, path, field) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('answers 404 for an unknown layer, as tiles and as TileJSON', async () => {
    for (const path of ['/tiles/roads/12/0/0.mvt', '/tiles/roads.json']) {
      const res = await get(path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('serves no stale tile after a boundary edit commits', async () => {
    const before = await get(url('grids', Z14))
    const etag = before.headers.get('etag')!
    const name = (fs: Awaited<ReturnType<typeof features>>) => fs.find((f) => f.properties.code === '320612102201001')?.properties.name
    expect(name(await features(before, 'grids'))).toBe('金沙村第1网格')
    await t.db.transaction((tx) => tx.query(`UPDATE grid SET name = '金沙村一网格' WHERE code = '320612102201001'`))
    const after = await get(url('grids', Z14), { 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(name(await features(after, 'grids'))).toBe('金沙村一网格')
  })

  it('asks for a sign-in on incidents and units, and takes the token as ?token=', async () => {
    expect((await get(url('incidents', Z12))).status).toBe(401)
    expect((await get(url('units', Z12))).status).toBe(401)
    expect((await get(url('incidents', Z12, `?token=${city}`))).status).toBe(200)
    for (const token of ['a%0Ab', '%00', '%E4%B8%AD']) expect((await get(url('incidents', Z12, `?token=${token}`))).status, token).toBe(401)
    expect((await get(url('units', Z12), bearer(city))).status).toBe(200)
  })

  it('counts incidents per hexagon below z13 and shows points from z13, within the jurisdiction', async () => {
    const total = async (token: string) =>
      (await features(await get(url('incidents', Z12), bearer(token)), 'incidents')).reduce((n, f) => n + Number(f.properties.count), 0)
    // Hexagons crossing the tile's edge are counted whole, so use a tile holding the whole city.
    expect(await total(city)).toBe(FIXTURE_INCIDENTS.length)
    const inCounty = FIXTURE_INCIDENTS.filter((i) => i.lat > 32.0 && i.lon > 120.89).length
    expect(inCounty).toBeGreaterThan(0)
    expect(await total(county)).toBe(inCounty)

    const points = async (token: string) => {
      const all = []
      for (const lon of [120.875, 120.905, 120.925]) {
        for (const lat of [31.995, 32.005]) all.push(...(await features(await get(url('incidents', tileAt(lon, lat, 13)), bearer(token)), 'incidents')))
      }
      return [...new Set(all.map((f) => f.properties.id as string))].sort()
    }
    const cityPoints = await points(city)
    expect(cityPoints).toEqual(FIXTURE_INCIDENTS.map((i) => i.id).sort())
    const countyPoints = await points(county)
    expect(countyPoints.length).toBe(inCounty)
    expect((await get(url('incidents', Z12), bearer(await t.login('department-citymgmt')))).status).toBe(204)
  })

  it('filters incidents by category, status and time, and refuses bad filters with 400', async () => {
    const count = async (query: string) =>
      (await features(await get(url('incidents', Z12, query), bearer(city)), 'incidents')).reduce((n, f) => n + Number(f.properties.count), 0)
    expect(await count('?category=08')).toBe(FIXTURE_INCIDENTS.filter((i) => i.category === '0801').length)
    expect(await count('?status=closed')).toBe(FIXTURE_INCIDENTS.filter((i) => i.status === 'closed').length)
    const from = '2026-11-10T00:00:00Z'
    const to = '2026-11-15T00:00:00+08:00'
    expect(await count(`?from=${from}&to=${encodeURIComponent(to)}`)).toBe(
      FIXTURE_INCIDENTS.filter((i) => i.reportedAt >= from && new Date(i.reportedAt) < new Date(to)).length,
    )
    for (const [query, field] of [['?status=lost', 'status'], ['?category=1', 'category'], ['?from=yesterday', 'from'], [`?from=${encodeURIComponent(to)}&to=${from}`, 'to']]) {
      const res = await get(url('incidents', Z12, query), bearer(city))
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].field.split('.')[0]).toBe(field)
    }
  })

  it('shows a new incident in the next tile after it commits', async () => {
    const tile = tileAt(120.905, 31.995, 13)
    const before = await features(await get(url('incidents', tile), bearer(city)), 'incidents')
    const added = { ...fixtureIncident(99), id: '00000000-0000-4000-8000-000000000099', lon: 120.9051, lat: 31.9951 }
    await insertFixtureIncident(t.db, added)
    const after = await features(await get(url('incidents', tile), bearer(city)), 'incidents')
    expect(after.length).toBe(before.length + 1)
    expect(after.map((f) => f.properties.id)).toContain(added.id)
    await t.db.query(`DELETE FROM incident WHERE id = $1`, [added.id])
  })

  it('shows patrol units to the centers whose area holds them', async () => {
    const codes = async (token: string) =>
      (await features(await get(url('units', Z12), bearer(token)), 'units')).map((f) => f.properties.code).sort()
    expect(await codes(city)).toEqual(['U1', 'U2', 'U3'])
    expect(await codes(county)).toEqual(['U2', 'U3'])
  })

  it('describes every layer in TileJSON 3.0.0 with its fields, bounds and zoom range', async () => {
    for (const layer of Object.values(TILE_LAYERS)) {
      const res = await get(`/tiles/${layer.name}.json`)
      expect(res.status).toBe(200)
      const tj = await res.json()
      expect(tj.tilejson).toBe('3.0.0')
      expect(tj.tiles).toEqual([`http://localhost/tiles/${layer.name}/{z}/{x}/{y}.mvt`])
      expect(tj.vector_layers).toEqual([expect.objectContaining({ id: layer.name, fields: layer.fields })])
      expect([tj.minzoom, tj.maxzoom]).toEqual([layer.minzoom, layer.maxzoom])
      const [w, s, e, n] = tj.bounds
      expect(w).toBeLessThan(e)
      expect(s).toBeLessThan(n)
      expect(w).toBeGreaterThanOrEqual(120.5) // the test city, not the world
    }
  })

  it('serves a style that validates, reads only our own URLs and has every source', async () => {
    const res = await get('/tiles/style.json')
    expect(res.status).toBe(200)
    const style = await res.json()
    expect(validateStyleMin(style)).toEqual([])
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\/(?!localhost)/) // nothing from the internet
    for (const [name, source] of Object.entries(style.sources) as [string, { tiles: string[]; minzoom: number; maxzoom: number }][]) {
      expect(source).toMatchObject({ minzoom: TILE_LAYERS[name].minzoom, maxzoom: TILE_LAYERS[name].maxzoom })
      const tile = new URL(source.tiles[0].replace('{z}', '12').replace('{x}', '3421').replace('{y}', '1663')).pathname
      expect(tile).toBe(`/tiles/${name}/12/3421/1663.mvt`)
      expect([200, 204]).toContain((await get(tile, TILE_LAYERS[name].scope ? bearer(city) : {})).status)
    }
    expect(Object.keys(style.sources).sort()).toEqual(Object.keys(TILE_LAYERS).sort())
  })
})

describe('the configured basemap', () => {
  it('is added under our layers and still validates', () => {
    const basemap = basemapFromEnv({ BASEMAP_TILES: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', BASEMAP_ATTRIBUTION: '© OpenStreetMap' })
    const style = mapStyle('http://localhost', [120, 31, 122, 33], basemap)
    expect(validateStyleMin(style as never)).toEqual([])
    expect(style.layers[1]).toMatchObject({ id: 'basemap', type: 'raster' })
  })

  it('refuses GCJ-02 and BD-09 tile hosts, and templates without z/x/y', () => {
    expect(() => basemapFromEnv({ BASEMAP_TILES: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}' })).toThrow(/GCJ-02/)
    expect(() => basemapFromEnv({ BASEMAP_TILES: 'https://example.org/tiles/{z}.png' })).toThrow(/\{z\}, \{x\} and \{y\}/)
    expect(basemapFromEnv({})).toBeNull()
  })
})
