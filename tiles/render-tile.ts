// Renders one tile of one layer on either engine: the PostGIS server encodes it with ST_AsMVT;
// the embedded engine (no protobuf) returns tile-space features that encode-tile.ts encodes.
// An empty result is an empty array (the route answers 204).
import type { Database, Queryable } from '../db/database.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { TileLayer } from './tile-layers.ts'
import { tileStatement } from './tile-statement.ts'
import { encodeTile, type GeojsonTileRow } from './encode-tile.ts'

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
  const tile = { z: req.z, x: req.x, y: req.y }
  if (db.capabilities.mvt) {
    const { sql, params } = tileStatement(layer, 'mvt', tile, req.extra, req.jurisdiction)
    const { rows } = await db.query<{ tile: Uint8Array | null }>(sql, params)
    return rows[0]?.tile ?? new Uint8Array(0) // a Buffer: no copy
  }
  const { sql, params } = tileStatement(layer, 'geojson', tile, req.extra, req.jurisdiction)
  const { rows } = await db.query<GeojsonTileRow>(sql, params)
  return encodeTile(layer.name, rows, Object.keys(layer.fields))
}
