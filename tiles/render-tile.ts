// Renders one tile of one layer on either engine: the PostGIS server encodes it with ST_AsMVT;
// the embedded engine (no protobuf) returns tile-space features that encode-tile.ts encodes.
// An empty result is an empty array (the route answers 204).
import type { Database, Queryable } from '../db/database.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { TileLayer } from './tile-layers.ts'
import { tileStatement } from './tile-statement.ts'
import { encodeTile, type GeojsonTileRow } from './encode-tile.ts'
import type { Versions } from './layer-versions.ts'

export interface TileRequest {
  z: number
  x: number
  y: number
  /** The layer's own parameters from $4 on. */
  extra?: unknown[]
  jurisdiction?: Jurisdiction
}

export async function renderTile(
  db: Queryable & Pick<Database, 'capabilities'>,
  layer: TileLayer,
  req: TileRequest,
): Promise<Uint8Array> {
  return (await renderVersionedTile(db, layer, req, false)).bytes
}

/** The tile and the data versions of its tables, read in one statement (one snapshot). */
export async function renderVersionedTile(
  db: Queryable & Pick<Database, 'capabilities'>,
  layer: TileLayer,
  req: TileRequest,
  withVersions = true,
): Promise<{ bytes: Uint8Array; versions: Versions }> {
  const tile = { z: req.z, x: req.x, y: req.y }
  const encoding = db.capabilities.mvt ? 'mvt' : 'geojson'
  const { sql, params } = tileStatement(layer, encoding, tile, req.extra, req.jurisdiction, withVersions)
  const versions = (rows: { versions?: string | null }[]): Versions => {
    const parsed = JSON.parse(rows[0]?.versions ?? '{}') as Record<string, number | string>
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Number(v)]))
  }
  if (encoding === 'mvt') {
    const { rows } = await db.query<{ tile: Uint8Array | null; versions?: string | null }>(sql, params)
    return { bytes: rows[0]?.tile ?? new Uint8Array(0), versions: versions(rows) } // a Buffer: no copy
  }
  const { rows } = await db.query<GeojsonTileRow & { versions?: string | null }>(sql, params)
  return { bytes: encodeTile(layer.name, rows, Object.keys(layer.fields)), versions: versions(rows) }
}
