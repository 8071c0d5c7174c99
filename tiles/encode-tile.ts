// Embedded engine: rows of tile-space GeoJSON (tile-statement.ts, `geojson`) → one MVT layer,
// encoded by vt-pbf. Empty geometry (clipped or snapped away) is dropped, as ST_AsMVTGeom drops it;
// polygon rings are wound as the MVT spec wants (exterior positive area in tile coordinates).
import { fromGeojsonVt, type TileFeature } from 'vt-pbf'
import type { Geometry, Position } from 'geojson'
import { EXTENT } from './tile-statement.ts'

export interface GeojsonTileRow {
  mvt_id: number | null
  geom: string | null
  [field: string]: unknown
}

/** Shoelace area in tile coordinates (y down): positive for a ring that runs clockwise on screen. */
function signedArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[i][1] + ring[j][1])
  return -sum / 2
}

function wound(ring: Position[], exterior: boolean): number[][] {
  const area = signedArea(ring)
  const points = ring.map((p) => [p[0], p[1]])
  return (area > 0) === exterior ? points : points.reverse()
}

function polygonRings(polygons: Position[][][]): number[][][] {
  const rings: number[][][] = []
  for (const polygon of polygons) {
    polygon.forEach((ring, k) => {
      if (ring.length >= 4 && signedArea(ring) !== 0) rings.push(wound(ring, k === 0))
    })
  }
  return rings
}

function toFeature(geometry: Geometry): Pick<TileFeature, 'type' | 'geometry'> | null {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, geometry: [geometry.coordinates.slice(0, 2)] }
    case 'MultiPoint':
      return geometry.coordinates.length ? { type: 1, geometry: geometry.coordinates.map((p) => p.slice(0, 2)) } : null
    case 'LineString':
      return geometry.coordinates.length >= 2 ? { type: 2, geometry: [geometry.coordinates] } : null
    case 'MultiLineString':
      return geometry.coordinates.length ? { type: 2, geometry: geometry.coordinates } : null
    case 'Polygon':
    case 'MultiPolygon': {
      const rings = polygonRings(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
      return rings.length ? { type: 3, geometry: rings } : null
    }
    case 'GeometryCollection': {
      // Clipping can leave a polygon with a stray edge: keep the polygons, as ST_AsMVTGeom does.
      const polygons = geometry.geometries.flatMap((g) =>
        g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
      )
      const rings = polygonRings(polygons)
      return rings.length ? { type: 3, geometry: rings } : null
    }
  }
}

/** One layer's rows → an MVT tile; an empty Uint8Array when no feature is left. */
export function encodeTile(layerName: string, rows: GeojsonTileRow[], fields: string[]): Uint8Array {
  const features: TileFeature[] = []
  for (const row of rows) {
    if (!row.geom) continue
    const shape = toFeature(JSON.parse(row.geom) as Geometry)
    if (!shape) continue
    const tags: TileFeature['tags'] = {}
    for (const f of fields) {
      const v = row[f]
      if (v !== null && v !== undefined) tags[f] = v as string | number | boolean
    }
    features.push({ ...shape, tags, ...(row.mvt_id !== null ? { id: Number(row.mvt_id) } : {}) })
  }
  if (!features.length) return new Uint8Array(0)
  return fromGeojsonVt({ [layerName]: { features } }, { version: 2, extent: EXTENT })
}
