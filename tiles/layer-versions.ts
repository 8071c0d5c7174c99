// Reads the tiles' data versions for the cache keys. Every request needs versions read after it
// arrived (a tile asked for right after a commit must not come from the cache of before it), but
// not a query of its own: requests that arrive while a read is running share the next read.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { createFreshRead } from '../db/fresh-read.ts'
import type { VersionSource } from './tile-layers.ts'

const LAYER_VERSIONS = sqlFile(import.meta.url, 'layer-versions.sql')

export type Versions = Partial<Record<VersionSource, number>>

export interface LayerVersions {
  /** Versions committed no earlier than this call. */
  read(): Promise<Versions>
}

export function createLayerVersions(db: Queryable): LayerVersions {
  const read = createFreshRead(async (_all: 'all'): Promise<Versions> => {
    const { rows } = await db.query<{ source: VersionSource; version: number | string }>(LAYER_VERSIONS)
    return Object.fromEntries(rows.map((r) => [r.source, Number(r.version)]))
  })
  return { read: () => read('all') }
}
