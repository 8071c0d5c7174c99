// An in-memory LRU of encoded tiles, bounded by bytes. Keys carry the data versions of the
// layer's tables (layer-versions.ts), so an edit makes every older entry unreachable; they age out.
import { createHash } from 'node:crypto'

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024 // 64 MB: ~5,000 dense grid tiles
const ENTRY_OVERHEAD = 200 // bytes counted per entry besides the tile (key, etag, map slot)

export interface CachedTile {
  bytes: Uint8Array
  etag: string
}

export interface TileCache {
  get(key: string): CachedTile | undefined
  set(key: string, bytes: Uint8Array): CachedTile
  readonly size: number
  readonly bytes: number
}

/** A strong ETag from the content: the same tile under a new data version keeps its ETag. */
export function tileEtag(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`
}

export function createTileCache(maxBytes = DEFAULT_MAX_BYTES): TileCache {
  const entries = new Map<string, CachedTile>() // insertion order = recency order
  let total = 0
  const cost = (key: string, t: CachedTile) => key.length + t.bytes.length + ENTRY_OVERHEAD
  return {
    get(key) {
      const hit = entries.get(key)
      if (hit) {
        entries.delete(key) // move to the most recent end
        entries.set(key, hit)
      }
      return hit
    },
    set(key, bytes) {
      const entry = { bytes, etag: tileEtag(bytes) }
      const old = entries.get(key)
      if (old) {
        total -= cost(key, old)
        entries.delete(key)
      }
      entries.set(key, entry)
      total += cost(key, entry)
      for (const [k, v] of entries) {
        if (total <= maxBytes) break
        entries.delete(k)
        total -= cost(k, v)
      }
      return entry
    },
    get size() {
      return entries.size
    },
    get bytes() {
      return total
    },
  }
}
