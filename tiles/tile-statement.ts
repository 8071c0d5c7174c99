// One tile as one SQL statement: the layer's query (tiles/<layer>.sql) with the engine's encoder
// in place of {{encode}} and the caller's jurisdiction in place of {{scope}}.
//   mvt      (PostGIS server): ST_AsMVTGeom clips, moves to tile space and snaps; ST_AsMVT encodes.
//   geojson  (embedded, no protobuf): the same clipping, affine move to tile space and snapping in
//            SQL, one row per feature as GeoJSON in tile coordinates, encoded by encode-tile.ts.
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import type { TileLayer } from './tile-layers.ts'

export const EXTENT = 4096 // tile coordinates per side, the MVT default
export const BUFFER = 64 // tile coordinates drawn beyond each edge (the 64.0 / 4096 margin in the layer SQL)

export type TileEncoding = 'mvt' | 'geojson'

export interface TileStatement {
  sql: string
  params: unknown[]
}

const mvtEncoder = (layer: TileLayer) => {
  const fields = Object.keys(layer.fields).map((f) => `f.${f}`).join(', ')
  return `SELECT ST_AsMVT(mvt, '${layer.name}', ${EXTENT}, 'geom'${layer.featureId ? ", 'mvt_id'" : ''}) AS tile
  FROM (SELECT f.mvt_id, ST_AsMVTGeom(f.geom, tile.envelope, ${EXTENT}, ${BUFFER}, true) AS geom, ${fields}
          FROM features f, tile) mvt
 WHERE mvt.geom IS NOT NULL`
}

const geojsonEncoder = (layer: TileLayer) => {
  const fields = Object.keys(layer.fields).map((f) => `f.${f}`).join(', ')
  const clipped = {
    point: 'f.geom',
    polygon: 'ST_ClipByBox2D(f.geom, tile.clip)',
    mixed: `CASE WHEN GeometryType(f.geom) = 'POINT' THEN f.geom ELSE ST_ClipByBox2D(f.geom, tile.clip) END`,
  }[layer.geometry]
  // x' = (x - xmin)·s, y' = (ymax - y)·s: y grows downwards in a tile.
  return `SELECT f.mvt_id, ST_AsGeoJSON(ST_SnapToGrid(ST_Affine(${clipped}, k.s, 0, 0, -k.s, -ST_XMin(tile.envelope) * k.s, ST_YMax(tile.envelope) * k.s), 1), 0) AS geom, ${fields}
  FROM features f, tile, LATERAL (SELECT ${EXTENT} / (ST_XMax(tile.envelope) - ST_XMin(tile.envelope)) AS s) k
`
}

/**
 * `extra`: the layer's own parameters from $4 on (tiles/incidents.sql). `withVersions`: the data
 * versions of the layer's tables come back in the same statement (column `versions`), so they
 * describe exactly the snapshot the tile was read from (tiles/tile-service.ts keys the cache by them).
 */
export function tileStatement(
  layer: TileLayer,
  encoding: TileEncoding,
  tile: { z: number; x: number; y: number },
  extra: unknown[] = [],
  jurisdiction?: Jurisdiction,
  withVersions = false,
): TileStatement {
  const params: unknown[] = [tile.z, tile.x, tile.y, ...extra]
  let sql = layer.sql.replace('{{encode}}', () => (encoding === 'mvt' ? mvtEncoder(layer) : geojsonEncoder(layer)))
  if (layer.scope) {
    if (!jurisdiction) throw new Error(`The ${layer.name} layer is scoped: pass the caller's jurisdiction.`)
    const predicate = scopePredicate(jurisdiction, layer.scope, params) // one set of values, used in every place
    sql = sql.replaceAll('{{scope}}', () => predicate)
  }
  if (withVersions) {
    sql = `SELECT v.versions, t.*
  FROM (SELECT json_object_agg(source, version)::text AS versions
          FROM (SELECT source, sum(version)::bigint AS version FROM layer_version
                 WHERE source = ANY($${params.push(layer.sources)}::text[]) GROUP BY source) s) v
  LEFT JOIN LATERAL (${sql}) t ON true`
  }
  return { sql, params }
}
