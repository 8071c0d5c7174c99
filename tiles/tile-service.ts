// Tiles as the API serves them: the data versions read after the request arrived, then the cache,
// then the database. Concurrent requests for the same missing tile share one render.
import type { Database } from '../db/database.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { TileLayer } from './tile-layers.ts'
import { renderTile, type TileRequest } from './render-tile.ts'
import { createTileCache, type CachedTile, type TileCache } from './tile-cache.ts'
import { createLayerVersions, type LayerVersions } from './layer-versions.ts'

export interface TileService {
  /** `filterKey`: the layer's own parameters in a canonical form (part of the cache key). */
  tile(layer: TileLayer, req: TileRequest & { filterKey?: string }): Promise<CachedTile>
  readonly cache: TileCache
  readonly versions: LayerVersions
}

const scopeKey = (j: Jurisdiction | undefined) => (j ? `${j.kind}:${j.codes.join(',')}:${j.areaPrefixes.join(',')}` : '')

export function createTileService(db: Database, cache: TileCache = createTileCache()): TileService {
  const versions = createLayerVersions(db)
  const rendering = new Map<string, Promise<CachedTile>>()
  return {
    cache,
    versions,
    async tile(layer, req) {
      const v = await versions.read()
      const key = [layer.name, ...layer.sources.map((s) => v[s] ?? 0), req.z, req.x, req.y,
        layer.scope ? scopeKey(req.jurisdiction) : '', req.filterKey ?? ''].join('/')
      const hit = cache.get(key)
      if (hit) return hit
      let pending = rendering.get(key)
      if (!pending) {
        pending = renderTile(db, layer, req).then((bytes) => cache.set(key, bytes)).finally(() => rendering.delete(key))
        rendering.set(key, pending)
      }
      return pending
    },
  }
}
