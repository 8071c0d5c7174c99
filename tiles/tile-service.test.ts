// The tile cache serves a tile again while its tables are unchanged, and never across a commit
// that changed them, whichever connection committed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openTestApp, type TestApp } from '../api/test-app.ts'
import { TILE_LAYERS } from './tile-layers.ts'
import { createTileService } from './tile-service.ts'
import { decodeTile } from './decode-tile.fixture.ts'
import { loadTileCity, tileAt } from './tile-city.fixture.ts'

const Z13 = tileAt(120.9, 32.0, 13)

describe.each(TEST_ENGINES)('tile service on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(kind)
    await loadTileCity(t.db)
  })
  afterAll(() => t?.close())

  it('answers from the cache until the layer’s table changes, and only that layer’s tiles', async () => {
    const service = createTileService(t.db)
    const grids = await service.tile(TILE_LAYERS.grids, Z13)
    const stations = await service.tile(TILE_LAYERS.stations, Z13)
    expect(await service.tile(TILE_LAYERS.grids, Z13)).toBe(grids) // the same entry: no new render
    expect(service.cache.size).toBe(2)

    await t.db.query(`UPDATE grid SET households = households + 1 WHERE code = '320612102201001'`)
    const after = await service.tile(TILE_LAYERS.grids, Z13)
    expect(after).not.toBe(grids)
    const households = (bytes: Uint8Array) => decodeTile(bytes).grids.find((f) => f.properties.code === '320612102201001')!.properties.households
    expect(households(after.bytes)).toBe(Number(households(grids.bytes)) + 1)
    expect(await service.tile(TILE_LAYERS.stations, Z13)).toBe(stations) // grid edits leave station tiles cached
  })

  it('keeps a rolled-back edit out of the tiles', async () => {
    const service = createTileService(t.db)
    const before = await service.tile(TILE_LAYERS.grids, Z13)
    await expect(t.db.transaction(async (tx) => {
      await tx.query(`UPDATE grid SET name = 'x' WHERE kind = 'basic'`)
      throw new Error('changed my mind')
    })).rejects.toThrow('changed my mind')
    expect(await service.tile(TILE_LAYERS.grids, Z13)).toBe(before)
  })
})
