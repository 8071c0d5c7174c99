// Tiles as the API serves them, never older than the request. The cache is keyed by the data
// versions of the layer's tables (migrations/0010_…): a tile rendered from a snapshot is stored
// under the versions read in that same statement, and a cached tile is served only once versions
// read after the request arrived still name it.
//   hit:  one shared version read (layer-versions.ts) confirms the entry;
//   miss: one statement renders the tile and reads its versions together.
import type { Database } from '../db/database.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { TileLayer } from './tile-layers.ts'
import { renderVersionedTile, type TileRequest } from './render-tile.ts'
import { createTileCache, type CachedTile, type TileCache } from './tile-cache.ts'
import { createLayerVersions, type LayerVersions, type Versions } from './layer-versions.ts'

export interface TileService {
  /** `filterKey`: the layer's own parameters in a canonical form (part of the cache key). */
  tile(layer: TileLayer, req: TileRequest & { filterKey?: string }): Promise<CachedTile>
  readonly cache: TileCache
  readonly versions: LayerVersions
}

const scopeKey = (j: Jurisdiction | undefined) => (j ? `${j.kind}:${j.codes.join(',')}:${j.areaPrefixes.join(',')}` : '')

export function createTileService(db: Database, cache: TileCache = createTileCache()): TileService {
  const versions = createLayerVersions(db)
  let latest: Versions = {} // the newest versions seen: where a cached tile is first looked for
  const learn = (v: Versions) => {
    for (const [source, n] of Object.entries(v) as [keyof Versions, number][]) latest[source] = Math.max(latest[source] ?? 0, n)
  }
  return {
    cache,
    versions,
    async tile(layer, req) {
      const rest = [req.z, req.x, req.y, layer.scope ? scopeKey(req.jurisdiction) : '', req.filterKey ?? ''].join('/')
      const key = (v: Versions) => [layer.name, ...layer.sources.map((s) => v[s] ?? 0), rest].join('/')
      if (cache.get(key(latest))) {
        const now = await versions.read()
        learn(now)
        const hit = cache.get(key(now))
        if (hit) return hit
      }
      const { bytes, versions: read } = await renderVersionedTile(db, layer, req)
      learn(read)
      return cache.set(key(read), bytes)
    },
  }
}
