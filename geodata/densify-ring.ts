// Splits long polygon edges so that no edge is longer than a limit. GeoJSON/PostGIS geometry
// edges are straight in lon/lat, but geography (great-circle) measures, turf.area included, bend
// them: along an 11 km edge the two readings differ by a sliver of ~3,500 m², along 100 m by
// ~0.003 m². Short edges make a partition add up to its parent under either reading.
//
// Shared edges must stay shared, so the extra vertices are computed from the edge's endpoints in
// a canonical (lexicographic) order: both neighbours insert the very same numbers.
import type { MultiPolygon, Position } from 'geojson'

const M_PER_DEG = 111_320 // metres per degree of latitude (and of longitude at the equator)

export function densifyRing(ring: Position[], maxEdgeM: number): Position[] {
  if (!Number.isFinite(maxEdgeM)) return ring
  if (!(maxEdgeM > 0)) throw new Error(`Maximum edge length must be > 0 m, got ${maxEdgeM}.`)
  const out: Position[] = [ring[0]]
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i], q = ring[i + 1]
    const forward = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1])
    const [a, b] = forward ? [p, q] : [q, p]
    const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180)
    const len = Math.hypot((b[0] - a[0]) * M_PER_DEG * k, (b[1] - a[1]) * M_PER_DEG)
    const n = Math.ceil(len / maxEdgeM)
    for (let s = 1; s < n; s++) {
      const t = (forward ? s : n - s) / n
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])])
    }
    out.push(q)
  }
  return out
}

export function densifyMultiPolygon(g: MultiPolygon, maxEdgeM: number): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => densifyRing(r, maxEdgeM))) }
}
