// Test fixture: the checks that pieces tile their parent, shared by the partition and the
// geography tests. Areas are planar (partition-polygon's planarArea): turf.area makes a
// degenerate sliver along a long edge thousands of m², which would drown real gaps.
import Flatbush from 'flatbush'
import type { MultiPolygon, Position } from 'geojson'
import { difference, intersection, union, xor } from 'polyclip-ts'
import { planarArea } from './partition-polygon.ts'

type Coords = [number, number][][][]
const coords = (g: MultiPolygon): Coords => g.coordinates as Coords
const multi = (coordinates: Position[][][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates })

/** Planar area (m²) of the symmetric difference between the union of `children` and `parent`. */
export function gapArea(parent: MultiPolygon, children: MultiPolygon[]): number {
  const [first, ...rest] = children.map(coords)
  return planarArea(multi(xor(union(first, ...rest), coords(parent))), centre(parent))
}

/** Planar area (m²) of the part of `inner` outside `outer`. */
export function areaOutside(inner: MultiPolygon, outer: MultiPolygon): number {
  return planarArea(multi(difference(coords(inner), coords(outer))), centre(inner))
}

/** The largest overlap (m²) between two siblings; flatbush finds the pairs whose boxes meet. */
export function worstOverlap(siblings: MultiPolygon[]): number {
  if (siblings.length < 2) return 0
  const boxes = siblings.map(bbox)
  const index = new Flatbush(siblings.length)
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3])
  index.finish()
  let worst = 0
  siblings.forEach((g, i) => {
    for (const j of index.search(...boxes[i])) {
      if (j > i) worst = Math.max(worst, planarArea(multi(intersection(coords(g), coords(siblings[j]))), centre(g)))
    }
  })
  return worst
}

/**
 * Directed edges that do not add up: children's edges, less those that cancel between two
 * children (a→b against b→a), must be exactly the parent's edges. With every ring simple and
 * wound RFC 7946 style (outer counter-clockwise), that is an exact proof of "no gap, no
 * overlap" for a noded coverage: the children's winding numbers then sum to the parent's.
 */
export function edgeMismatch(parent: MultiPolygon, children: MultiPolygon[]): string[] {
  const count = new Map<string, number>()
  const add = (g: MultiPolygon, sign: number): void => {
    for (const poly of g.coordinates) for (const r of poly) for (let i = 0; i + 1 < r.length; i++) {
      const [a, b] = [`${r[i][0]},${r[i][1]}`, `${r[i + 1][0]},${r[i + 1][1]}`]
      const back = `${b}>${a}`
      if (sign > 0 && (count.get(back) ?? 0) > 0) count.set(back, count.get(back)! - 1)
      else count.set(`${a}>${b}`, (count.get(`${a}>${b}`) ?? 0) + sign)
    }
  }
  for (const c of children) add(c, 1)
  add(parent, -1)
  return [...count].filter(([, n]) => n !== 0).map(([edge, n]) => `${edge} ×${n}`)
}

/** Why a MultiPolygon is invalid, or null: short, open or mis-wound rings, or rings that cross. */
export function invalidity(g: MultiPolygon): string | null {
  if (g.type !== 'MultiPolygon' || g.coordinates.length === 0) return 'not a non-empty MultiPolygon'
  for (const poly of g.coordinates) {
    for (const [k, r] of poly.entries()) {
      if (r.length < 4) return 'ring with fewer than 4 positions'
      const [a, b] = [r[0], r[r.length - 1]]
      if (a[0] !== b[0] || a[1] !== b[1]) return 'ring not closed'
      if ((signedArea(r) > 0) !== (k === 0)) return k === 0 ? 'outer ring not counter-clockwise' : 'hole not clockwise'
    }
    if (segmentsMeet(poly)) return 'self-intersecting or touching rings'
  }
  return null
}

function signedArea(r: Position[]): number {
  let s = 0
  for (let i = 0; i + 1 < r.length; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1]
  return s / 2
}

// Any two edges of a polygon that share a point, other than consecutive edges at their common
// vertex; flatbush keeps this near-linear on rings of thousands of vertices.
function segmentsMeet(poly: Position[][]): boolean {
  const segs: [Position, Position, number, number][] = [] // a, b, ring, index
  poly.forEach((r, k) => { for (let i = 0; i + 1 < r.length; i++) segs.push([r[i], r[i + 1], k, i]) })
  const index = new Flatbush(segs.length)
  for (const [a, b] of segs) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]))
  index.finish()
  const orient = (p: Position, q: Position, s: Position): number =>
    Math.sign((q[0] - p[0]) * (s[1] - p[1]) - (q[1] - p[1]) * (s[0] - p[0]))
  return segs.some(([a, b, k, i], n) => index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]),
    Math.max(a[0], b[0]), Math.max(a[1], b[1])).some((m) => {
    if (m <= n) return false
    const [c, d, k2, j] = segs[m]
    const last = poly[k].length - 2
    if (k === k2 && (j === i + 1 || (i === 0 && j === last))) return orient(a, b, d) === 0 && orient(a, b, c) === 0 && overlapsBack(a, b, c, d)
    return orient(a, b, c) * orient(a, b, d) <= 0 && orient(c, d, a) * orient(c, d, b) <= 0
  }))
}

// Consecutive collinear edges are fine when they continue, invalid when they fold back (spike).
function overlapsBack(a: Position, b: Position, c: Position, d: Position): boolean {
  const shared = b[0] === c[0] && b[1] === c[1] ? b : a
  const u = shared === b ? a : b, v = shared === b ? d : c
  return (u[0] - shared[0]) * (v[0] - shared[0]) + (u[1] - shared[1]) * (v[1] - shared[1]) > 0
}

export function bbox(g: MultiPolygon): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const poly of g.coordinates) for (const [x, y] of poly[0]) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y)
  }
  return [x0, y0, x1, y1]
}

function centre(g: MultiPolygon): [number, number] {
  const [x0, y0, x1, y1] = bbox(g)
  return [(x0 + x1) / 2, (y0 + y1) / 2]
}
