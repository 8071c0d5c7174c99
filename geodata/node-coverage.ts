// Makes a set of polygons a noded coverage: wherever a vertex of one polygon lies on an edge of
// another, that edge gets the vertex too. A partition leaves such T-junctions where it cuts a
// parent edge (the town across the border does not have the cut point), and overlay engines
// then meet segments that coincide to 1e-15° but not exactly; PGlite's GEOS gives up on those
// unions. With every shared boundary carrying the same vertices on both sides, unions and
// PostGIS coverage functions (ST_CoverageUnion, ST_CoverageInvalidEdges) see clean edges.
import Flatbush from 'flatbush'
import type { MultiPolygon, Position } from 'geojson'

// Degrees. Cut points sit within ~1e-14° of their edge (float rounding); unrelated vertices
// are ≥ 1e-9° away in practice, so this separates the two with orders of magnitude to spare.
const ON_EDGE_DEG = 1e-12

export function nodeCoverage(geoms: MultiPolygon[]): MultiPolygon[] {
  const unique = new Map<string, Position>()
  for (const g of geoms) for (const poly of g.coordinates) for (const r of poly) for (const v of r) unique.set(`${v[0]},${v[1]}`, v)
  const pts = [...unique.values()]
  if (pts.length === 0) return geoms
  const index = new Flatbush(pts.length)
  for (const p of pts) index.add(p[0], p[1], p[0], p[1])
  index.finish()

  const nodeRing = (r: Position[]): Position[] => {
    let out: Position[] | null = null
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i], b = r[i + 1]
      const onEdge = verticesOn(a, b, pts, index)
      if (onEdge.length > 0 && !out) out = r.slice(0, i + 1)
      if (out) out.push(...onEdge, b)
    }
    return out ?? r
  }
  return geoms.map((g) => ({ type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(nodeRing)) }))
}

/** Vertices strictly inside segment a–b, ordered from a to b. */
function verticesOn(a: Position, b: Position, pts: Position[], index: Flatbush): Position[] {
  const dx = b[0] - a[0], dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  if (len2 === 0) return []
  const len = Math.sqrt(len2)
  const hits: { t: number; p: Position }[] = []
  const found = index.search(Math.min(a[0], b[0]) - ON_EDGE_DEG, Math.min(a[1], b[1]) - ON_EDGE_DEG,
    Math.max(a[0], b[0]) + ON_EDGE_DEG, Math.max(a[1], b[1]) + ON_EDGE_DEG)
  for (const k of found) {
    const p = pts[k]
    if ((p[0] === a[0] && p[1] === a[1]) || (p[0] === b[0] && p[1] === b[1])) continue
    const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2
    if (t <= 0 || t >= 1) continue
    if (Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / len <= ON_EDGE_DEG) hits.push({ t, p })
  }
  return hits.sort((x, y) => x.t - y.t).map((h) => h.p)
}
