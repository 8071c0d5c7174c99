// Tiles from both encoders hold exactly the features PostGIS finds intersecting the tile and its
// buffer, with the layer's properties for that zoom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openTestApp, type TestApp } from '../api/test-app.ts'
import { TILE_LAYERS } from './tile-layers.ts'
import { renderTile } from './render-tile.ts'
import { tileStatement } from './tile-statement.ts'
import { encodeTile, type GeojsonTileRow } from './encode-tile.ts'
import { decodeTile } from './decode-tile.fixture.ts'
import { loadTileCity, tileAt } from './tile-city.fixture.ts'

const BOUNDARY_LAYERS = ['admin', 'grids', 'exclusive_grids', 'stations']
const FIXTURE_TILES = {
  z8: tileAt(120.9, 32.0, 8), // the whole tiny city
  z12: tileAt(120.9, 32.0, 12),
  z15: tileAt(120.8805, 31.995, 15), // crosses the edge between grids 320613001001001 and …002 at 120.88
  z16: tileAt(120.895, 31.995, 16), // holds the market's exclusive grid 320613101201001X01
}

/** The codes whose geometry intersects the tile with its 64-pixel buffer, as PostGIS sees it. */
const REFERENCE: Record<string, string> = {
  admin: `SELECT code FROM admin_unit WHERE ST_Intersects(geom_3857, ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))
            AND (level = 'county' OR (level = 'town' AND $1 >= 9) OR (level = 'village' AND $1 >= 12))`,
  grids: `SELECT code FROM grid WHERE valid_to IS NULL AND kind = 'basic' AND $1 >= 10
            AND ST_Intersects(geom_3857, ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))`,
  exclusive_grids: `SELECT code FROM grid WHERE valid_to IS NULL AND kind = 'exclusive' AND $1 >= 11
            AND ST_Intersects(geom_3857, ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))`,
  stations: `SELECT code FROM station WHERE $1 >= 8 AND ST_Intersects(geom_3857, ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096))`,
}

describe.each(TEST_ENGINES)('vector tiles on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(kind)
    await loadTileCity(t.db)
  })
  afterAll(() => t?.close())

  for (const [label, tile] of Object.entries(FIXTURE_TILES)) {
    it.each(BOUNDARY_LAYERS)(`%s at ${label} holds exactly the features intersecting the tile`, async (name) => {
      const layer = TILE_LAYERS[name]
      const bytes = await renderTile(t.db, layer, tile)
      const { rows } = await t.db.query<{ code: string }>(REFERENCE[name], [tile.z, tile.x, tile.y])
      const expected = rows.map((r) => r.code).sort()
      const features = decodeTile(bytes)[name] ?? []
      expect(features.map((f) => f.properties.code).sort()).toEqual(expected)
      if (name !== 'admin' && name !== 'stations' && tile.z >= 10) expect(expected.length).toBeGreaterThan(0) // no vacuous tile
      for (const f of features) {
        expect(f.type).toBe('Polygon')
        expect(f.id).toBeTypeOf('number')
        for (const key of Object.keys(f.properties)) expect(Object.keys(layer.fields)).toContain(key)
        // Clipped to the buffer: nothing beyond 64 pixels outside the tile.
        expect(f.bbox[0]).toBeGreaterThanOrEqual(-64)
        expect(f.bbox[2]).toBeLessThanOrEqual(4096 + 64)
      }
    })
  }

  it('a tile crossing a grid edge splits it between the two grids at the same x', async () => {
    const features = decodeTile(await renderTile(t.db, TILE_LAYERS.grids, FIXTURE_TILES.z15)).grids
    const west = features.find((f) => f.properties.code === '320613001001001')!
    const east = features.find((f) => f.properties.code === '320613001001002')!
    expect(west.bbox[2]).toBeGreaterThan(0)
    expect(west.bbox[2]).toBeLessThan(4096)
    expect(Math.abs(west.bbox[2] - east.bbox[0])).toBeLessThanOrEqual(1) // shared edge inside the tile
    expect(west.bbox[0]).toBe(-64) // clipped at the buffer
    expect(west.properties.name).toBe('和平桥社区第1网格') // names from z13
  })

  it('grids carry only their code below z13, and nothing below z10', async () => {
    const z12 = decodeTile(await renderTile(t.db, TILE_LAYERS.grids, FIXTURE_TILES.z12)).grids
    expect(z12.length).toBe(12)
    for (const f of z12) expect(Object.keys(f.properties)).toEqual(['code'])
    expect((await renderTile(t.db, TILE_LAYERS.grids, FIXTURE_TILES.z8)).length).toBe(0)
  })

  it('admin shows villages from z12 and towns from z9', async () => {
    const levels = async (tile: { z: number; x: number; y: number }) =>
      [...new Set(decodeTile(await renderTile(t.db, TILE_LAYERS.admin, tile)).admin.map((f) => f.properties.level))].sort()
    expect(await levels(FIXTURE_TILES.z8)).toEqual(['county'])
    expect(await levels(FIXTURE_TILES.z12)).toEqual(['county', 'town', 'village'])
  })

  it.runIf(kind === 'postgres')('ST_AsMVT and the JavaScript encoder give the same features and properties', async () => {
    for (const tile of Object.values(FIXTURE_TILES)) {
      for (const name of BOUNDARY_LAYERS) {
        const layer = TILE_LAYERS[name]
        const server = decodeTile(await renderTile(t.db, layer, tile))[name] ?? []
        const { sql, params } = tileStatement(layer, 'geojson', tile)
        const { rows } = await t.db.query<GeojsonTileRow>(sql, params)
        const js = decodeTile(encodeTile(name, rows, Object.keys(layer.fields)))[name] ?? []
        const byId = (fs: typeof js) => fs.map((f) => ({ id: f.id, properties: f.properties })).sort((a, b) => a.id! - b.id!)
        expect(byId(js)).toEqual(byId(server))
        for (const f of js) {
          const s = server.find((g) => g.id === f.id)!
          f.bbox.forEach((v, k) => expect(Math.abs(v - s.bbox[k])).toBeLessThanOrEqual(2))
          expect(f.rings.length).toBe(s.rings.length)
        }
      }
    }
  })
})
