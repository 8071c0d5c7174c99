// Splits a parent polygon into one contiguous piece per seed, with no gap and no overlap: the
// Voronoi cells of the (Lloyd-relaxed) seeds, clipped to the parent. A concave parent can cut a
// cell into several parts; the part holding the seed stays, and every other ("orphan") part goes
// to the neighbour it shares the longest border with, so each piece is one polygon.
//
// Islands: when the parent itself has several parts (如东县 and its offshore island), an orphan
// that borders no other piece stays with the cell it fell in, so that piece is a MultiPolygon.
// That is the only way a piece can have more than one polygon.
//
// Geometry runs in a local plane in metres. Nothing is rounded: neighbours share their edge
// vertices exactly (see clip-by-bisectors.ts), and vertices taken over from the parent come back
// as the parent's own coordinates, not as a projection round trip.
import { Delaunay } from 'd3-delaunay'
import type { MultiPolygon, Position } from 'geojson'
import { union } from 'polyclip-ts'
import { type BisectorSpace, type VPoly, type Vtx, clipByBisectors, closed } from './clip-by-bisectors.ts'
import { type MultiPoly, type Pt, localPlane, multiArea, pointInPoly, ringArea, segmentDistance } from './planar-polygon.ts'
import { densifyRing } from './densify-ring.ts'
import { relaxSeeds } from './relax-seeds.ts'
import type { SeededRandom } from './seeded-random.ts'

const LLOYD_STEPS = 2   // enough to round off random clumps, few enough to keep clusters
const MAX_ATTEMPTS = 6  // a degenerate seed layout (e.g. collinear) is jittered and retried
const JITTER_M = 0.5    // metres; moves seeds far less than any feature of the layout
const TOUCH_M = 1e-6    // metres; a point this close to an edge lies on it
const MAX_EDGE_M = 100  // new edges are split to this length (see densify-ring.ts)

export interface PartitionSeed { x: number; y: number; weight?: number } // lon, lat, density
export interface PartitionOptions {
  lloydSteps?: number // Lloyd relaxation steps; 0 keeps the seeds where they are
  maxEdgeM?: number   // longest new edge in metres; Infinity when nothing will be cut further
}

interface Part { cell: number; poly: VPoly; owner: number } // owner -1: orphan not yet adopted

/** One MultiPolygon (WGS-84) per seed; together they tile `parent` exactly. */
export function partitionPolygon(
  parent: MultiPolygon, seeds: PartitionSeed[], rng: SeededRandom, options: PartitionOptions = {},
): MultiPolygon[] {
  if (seeds.length === 0) throw new Error('Cannot partition a polygon among zero seeds.')
  if (seeds.length === 1) return [structuredClone(parent)]
  const plane = localPlane(centreOf(parent))
  const { polys, edges } = traceParent(parent, plane.toPlane)
  const multi: MultiPoly = polys.map((p) => p.map(closed))
  let sites = relaxSeeds(multi, seeds.map((s) => plane.toPlane([s.x, s.y])), seeds.map((s) => s.weight ?? 1),
    rng, options.lloydSteps ?? LLOYD_STEPS)

  for (let attempt = 1; ; attempt++) {
    try {
      const pieces = voronoiPieces(polys, { sites, edges })
      return pieces.map((piece) => ({
        type: 'MultiPolygon',
        coordinates: piece.map((poly) => poly.map((r, k) => {
          const ring = (ringArea(closed(r)) > 0) === (k === 0) ? r : [...r].reverse() // RFC 7946 winding
          const out = ring.map((v) => v.orig ?? plane.toLonLat(v.p))
          return densifyRing([...out, out[0]], options.maxEdgeM ?? MAX_EDGE_M)
        })),
      }))
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`Partition failed after ${attempt} attempts: ${String(err)}`)
      sites = sites.map(([x, y]) => [x + rng.range(-JITTER_M, JITTER_M), y + rng.range(-JITTER_M, JITTER_M)])
    }
  }
}

// The parent as labelled rings: every vertex remembers its lon/lat and the edge leaving it.
function traceParent(parent: MultiPolygon, toPlane: (p: Position) => Pt): { polys: VPoly[]; edges: [Pt, Pt][] } {
  const edges: [Pt, Pt][] = []
  const polys = parent.coordinates.map((poly) => poly.map((ring, k) => {
    const open = ring.slice(0, -1)
    const lonlat = (ringArea(ring.map(toPlane)) > 0) === (k === 0) ? open : [...open].reverse()
    const pts = lonlat.map(toPlane)
    return lonlat.map((orig, n): Vtx => {
      const [p, q] = [pts[n], pts[(n + 1) % pts.length]]
      edges.push(p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? [p, q] : [q, p])
      return { p, orig, s: { edge: edges.length - 1 } }
    })
  }))
  return { polys, edges }
}

function voronoiPieces(parent: VPoly[], space: BisectorSpace): VPoly[][] {
  const delaunay = Delaunay.from(space.sites)
  const parts: Part[] = []
  space.sites.forEach((site, i) => {
    const polys = clipByBisectors(parent, i, [...delaunay.neighbors(i)], space)
    if (polys.length === 0) throw new Error(`Seed ${i} received no territory.`)
    const main = mainPart(polys, site)
    polys.forEach((poly, k) => parts.push({ cell: i, poly, owner: k === main ? i : -1 }))
  })
  adoptOrphans(parts)
  return space.sites.map((_, i) => {
    const own = parts.filter((p) => p.owner === i).map((p) => p.poly)
    return own.length === 1 ? own : merge(own)
  })
}

function mainPart(polys: VPoly[], site: Pt): number {
  const plain = polys.map((p) => p.map(closed))
  const inside = plain.findIndex((p) => pointInPoly(site, p))
  if (inside >= 0) return inside
  let best = 0, bestD = Infinity
  plain.forEach((p, k) => {
    for (let n = 0; n + 1 < p[0].length; n++) {
      const d = segmentDistance(site, p[0][n], p[0][n + 1])
      if (d < bestD) { bestD = d; best = k }
    }
  })
  return best
}

// An orphan's bisector edges say which cell lies across; the part of that cell touching the
// edge says whose territory it is now. Passes repeat: an orphan may only touch another orphan.
function adoptOrphans(parts: Part[]): void {
  let pending = parts.filter((p) => p.owner < 0)
  while (pending.length > 0) {
    const left = pending.filter((o) => {
      const border = new Map<number, number>()
      for (const ring of o.poly) ring.forEach((v, n) => {
        if ('edge' in v.s) return
        const w = ring[(n + 1) % ring.length]
        const across = v.s.a === o.cell ? v.s.b : v.s.a
        const mid: Pt = [(v.p[0] + w.p[0]) / 2, (v.p[1] + w.p[1]) / 2]
        const other = parts.find((q) => q.cell === across && q.owner >= 0 && touches(q.poly, mid))
        if (other) border.set(other.owner, (border.get(other.owner) ?? 0) + Math.hypot(w.p[0] - v.p[0], w.p[1] - v.p[1]))
      })
      let best = -1
      for (const [owner, len] of border) if (best < 0 || len > border.get(best)!) best = owner
      if (best >= 0) o.owner = best
      return best < 0
    })
    // Nobody touches what is left (an island, or orphans touching only orphans): one of them
    // stays with its own cell, and the next pass lets the others join it.
    if (left.length === pending.length) left[0].owner = left[0].cell
    pending = pending.filter((o) => o.owner < 0)
  }
}

function touches(poly: VPoly, p: Pt): boolean {
  return poly.some((ring) => ring.some((v, n) => segmentDistance(p, v.p, ring[(n + 1) % ring.length].p) <= TOUCH_M))
}

// Parts of one piece share exact edges, so polyclip-ts fuses them without new vertices; the
// labels (parent coordinates) are carried over by position.
function merge(polys: VPoly[]): VPoly[] {
  const label = new Map<string, Vtx>()
  for (const poly of polys) for (const ring of poly) for (const v of ring) label.set(`${v.p[0]},${v.p[1]}`, v)
  const [first, ...rest] = polys.map((p) => p.map(closed))
  return union(first, ...rest).map((poly) => poly.map((ring) => ring.slice(0, -1).map((p): Vtx =>
    label.get(`${p[0]},${p[1]}`) ?? { p: [p[0], p[1]], s: { edge: -1 } })))
}

function centreOf(g: MultiPolygon): [number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  for (const poly of g.coordinates) for (const [x, y] of poly[0]) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y)
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2]
}

/**
 * Planar area in m² in a local plane around `origin` (default: the geometry's bbox centre).
 * Unlike turf.area it is exactly zero for a degenerate sliver along a long edge, so it is the
 * measure to use when checking that pieces add up to their parent; give all of them one origin.
 */
export function planarArea(g: MultiPolygon, origin: [number, number] = centreOf(g)): number {
  return multiArea(localPlane(origin).multiToPlane(g))
}
