// Polygons in a local plane (metres), the working space of the partitioner: a tangent-plane
// equirectangular projection around a chosen origin, and the few planar measures it needs.
// Over one county (≤ 100 km) it distorts lengths by well under 1 %, which only shapes the
// synthetic layout. It is an affine map of lon/lat, so straight edges stay straight both ways.
import type { MultiPolygon, Position } from 'geojson'

export type Pt = [number, number]
export type Ring = Pt[]        // closed: first point repeated at the end
export type Poly = Ring[]      // outer ring, then holes
export type MultiPoly = Poly[]

const EARTH_RADIUS = 6_371_008.8 // metres, IUGG mean radius
const RAD = Math.PI / 180

export interface LocalPlane {
  toPlane(p: Position): Pt
  toLonLat(p: Pt): Position
  multiToPlane(g: MultiPolygon): MultiPoly
  multiToLonLat(g: MultiPoly): MultiPolygon
}

/** An equirectangular plane in metres centred on `origin` (lon, lat). */
export function localPlane(origin: Position): LocalPlane {
  const [lon0, lat0] = origin
  const ky = EARTH_RADIUS * RAD
  const kx = ky * Math.cos(lat0 * RAD)
  const toPlane = (p: Position): Pt => [(p[0] - lon0) * kx, (p[1] - lat0) * ky]
  const toLonLat = (p: Pt): Position => [lon0 + p[0] / kx, lat0 + p[1] / ky]
  return {
    toPlane,
    toLonLat,
    multiToPlane: (g) => g.coordinates.map((poly) => poly.map((r) => r.map(toPlane))),
    multiToLonLat: (g) => ({
      type: 'MultiPolygon',
      coordinates: g.map((poly) => poly.map((r, i) => orient(r, i === 0).map(toLonLat))),
    }),
  }
}

/** Signed area (counter-clockwise positive) of a closed ring. */
export function ringArea(r: Ring): number {
  let s = 0
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
  return s / 2
}

/** Area of a polygon: outer ring minus holes, whatever their winding. */
export function polyArea(p: Poly): number {
  return p.reduce((s, r, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0)
}

export function multiArea(m: MultiPoly): number {
  return m.reduce((s, p) => s + polyArea(p), 0)
}

/** Area-weighted centroid of a polygon's outer ring. */
export function ringCentroid(r: Ring): Pt {
  let a = 0, cx = 0, cy = 0
  for (let i = 0; i + 1 < r.length; i++) {
    const c = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
    a += c
    cx += (r[i][0] + r[i + 1][0]) * c
    cy += (r[i][1] + r[i + 1][1]) * c
  }
  if (a === 0) return r[0]
  return [cx / (3 * a), cy / (3 * a)]
}

export function pointInRing(p: Pt, r: Ring): boolean {
  let inside = false
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j]
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) {
      inside = !inside
    }
  }
  return inside
}

export function pointInPoly(p: Pt, poly: Poly): boolean {
  return pointInRing(p, poly[0]) && !poly.slice(1).some((h) => pointInRing(p, h))
}

export function pointInMulti(p: Pt, m: MultiPoly): boolean {
  return m.some((poly) => pointInPoly(p, poly))
}

const EDGES_PER_BAND = 4 // target edges per horizontal band of an inside-tester

/**
 * A fast point-in-polygon test for repeated queries against one MultiPoly: edges are bucketed
 * into horizontal bands, so a query only looks at the few edges its band holds. Densified
 * boundaries have thousands of vertices, and seeding samples each polygon hundreds of times.
 */
export function insideTester(m: MultiPoly): (p: Pt) => boolean {
  const [, y0, , y1] = bboxOf(m)
  const edges: [Pt, Pt][] = []
  for (const poly of m) for (const r of poly) for (let i = 0; i + 1 < r.length; i++) edges.push([r[i], r[i + 1]])
  const bands = Math.max(1, Math.ceil(edges.length / EDGES_PER_BAND))
  const h = (y1 - y0) / bands || 1
  const bucket: [Pt, Pt][][] = Array.from({ length: bands }, () => [])
  const band = (y: number): number => Math.min(bands - 1, Math.max(0, Math.floor((y - y0) / h)))
  for (const e of edges) {
    for (let b = band(Math.min(e[0][1], e[1][1])); b <= band(Math.max(e[0][1], e[1][1])); b++) bucket[b].push(e)
  }
  return (p) => {
    if (p[1] < y0 || p[1] > y1) return false
    let inside = false // even-odd over all rings: holes and separate parts come out right
    for (const [[xi, yi], [xj, yj]] of bucket[band(p[1])]) {
      if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
    }
    return inside
  }
}

export function bboxOf(m: MultiPoly): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const poly of m) for (const [x, y] of poly[0]) {
    if (x < x0) x0 = x
    if (y < y0) y0 = y
    if (x > x1) x1 = x
    if (y > y1) y1 = y
  }
  return [x0, y0, x1, y1]
}

/** Distance from p to the segment a–b. */
export function segmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0], dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2))
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)
}

/** True when the closed segments a–b and c–d share any point (collinear overlaps included). */
export function segmentsTouch(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const cross = (o: Pt, p: Pt, q: Pt): number => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0])
  const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  const within = (p: Pt, q: Pt, r: Pt): boolean =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1])
  return (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d))
}

/** True when the closed ring lies strictly inside `m`: a vertex inside, and no edges meeting. */
export function ringInside(ring: Ring, m: MultiPoly): boolean {
  if (!pointInMulti(ring[0], m)) return false
  const [x0, y0, x1, y1] = bboxOf([[ring]])
  for (const poly of m) for (const r of poly) for (let i = 0; i + 1 < r.length; i++) {
    const [a, b] = [r[i], r[i + 1]]
    if (Math.max(a[0], b[0]) < x0 || Math.min(a[0], b[0]) > x1 || Math.max(a[1], b[1]) < y0 || Math.min(a[1], b[1]) > y1) continue
    for (let k = 0; k + 1 < ring.length; k++) if (segmentsTouch(a, b, ring[k], ring[k + 1])) return false
  }
  return true
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
export function orient(r: Ring, outer: boolean): Ring {
  return (ringArea(r) > 0) === outer ? r : r.slice().reverse()
}
