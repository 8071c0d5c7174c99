// Reads the tiles' data versions for the cache keys. Every request needs versions read after it
// arrived (a tile asked for right after a commit must not come from the cache of before it), but
// not a query of its own: requests that arrive while a read is running share the next read.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import type { VersionSource } from './tile-layers.ts'

const LAYER_VERSIONS = sqlFile(import.meta.url, 'layer-versions.sql')

export type Versions = Partial<Record<VersionSource, number>>

export interface LayerVersions {
  /** Versions committed no earlier than this call. */
  read(): Promise<Versions>
}

export function createLayerVersions(db: Queryable): LayerVersions {
  let running: Promise<Versions> | undefined
  let queued: Promise<Versions> | undefined
  const query = async (): Promise<Versions> => {
    const { rows } = await db.query<{ source: VersionSource; version: number | string }>(LAYER_VERSIONS)
    return Object.fromEntries(rows.map((r) => [r.source, Number(r.version)]))
  }
  function read(): Promise<Versions> {
    if (!running) return (running = query().finally(() => (running = undefined)))
    // A read is under way but began before this call: wait for the next one, shared by all who wait.
    return (queued ??= running.catch(() => undefined).then(() => {
      queued = undefined
      return read()
    }))
  }
  return { read }
}
