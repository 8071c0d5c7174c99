// Tests read tiles the way a map does: decoded with @mapbox/vector-tile, never as raw bytes.
import { VectorTile } from '@mapbox/vector-tile'
import { PbfReader } from 'pbf'

export interface DecodedFeature {
  id: number | undefined
  type: 'Point' | 'LineString' | 'Polygon' | 'Unknown'
  properties: Record<string, string | number | boolean>
  /** Bounding box in tile coordinates [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number]
  /** Rings (or points) in tile coordinates. */
  rings: { x: number; y: number }[][]
}

const TYPES = ['Unknown', 'Point', 'LineString', 'Polygon'] as const

export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new PbfReader(bytes))
  const out: Record<string, DecodedFeature[]> = {}
  for (const [name, layer] of Object.entries(tile.layers)) {
    out[name] = []
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i)
      const rings = f.loadGeometry().map((r) => r.map((p) => ({ x: p.x, y: p.y })))
      const xs = rings.flat().map((p) => p.x)
      const ys = rings.flat().map((p) => p.y)
      out[name].push({
        id: f.id,
        type: TYPES[f.type],
        properties: { ...f.properties } as DecodedFeature['properties'],
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        rings,
      })
    }
  }
  return out
}
