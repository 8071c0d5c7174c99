// Converts GeoJSON geometries between the CRSs Chinese sources come in and WGS-84 (EPSG:4326).
// gcoord's forward formulas (WGS-84 → GCJ-02 → BD-09) are the definition of those CRSs; its
// inverses are approximations: GCJ-02 → WGS-84 iterates only to 1e-6° (about 0.1 m) and
// BD-09 → GCJ-02 is a closed-form approximation. We polish both by fixed-point iteration on the
// forward formula, x ← x − (forward(x) − target), down to 1e-9° (0.1 mm).
import gcoordModule from 'gcoord'
import type { Geometry, Position } from 'geojson'

// gcoord is CommonJS typed as an ES module: under NodeNext TypeScript takes the default import
// for the module namespace, while Node hands over module.exports, the gcoord object itself.
const gcoord = gcoordModule as unknown as typeof gcoordModule.default

export type SourceCrs = 'WGS84' | 'GCJ02' | 'BD09' | 'CGCS2000'

const INVERSE_TOLERANCE = 1e-9 // degrees; far below the 0.5 m we promise, and cheap to reach
const INVERSE_MAX_STEPS = 30   // the iteration contracts ~100x per step; 30 means it diverged

type Transform = (p: Position) => Position

const wgsToGcj: Transform = (p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02)
const wgsToBd: Transform = (p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.BD09)

/** Inverts a forward transform near `start` so that forward(result) equals target to 1e-9°. */
function invert(forward: Transform, target: Position, start: Position): Position {
  let x = start[0]
  let y = start[1]
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const f = forward([x, y])
    const dx = f[0] - target[0]
    const dy = f[1] - target[1]
    if (Math.abs(dx) < INVERSE_TOLERANCE && Math.abs(dy) < INVERSE_TOLERANCE) return [x, y]
    x -= dx
    y -= dy
  }
  throw new Error(`Inverse transform did not converge at [${target[0]}, ${target[1]}].`)
}

// CGCS2000 and WGS-84 differ by well under a metre (same origin, near-identical ellipsoid), far
// below the accuracy of any source we import, so CGCS2000 is treated as WGS-84.
const TO_WGS84: Record<SourceCrs, Transform> = {
  WGS84: (p) => [p[0], p[1]],
  CGCS2000: (p) => [p[0], p[1]],
  GCJ02: (p) => invert(wgsToGcj, p, gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84)),
  BD09: (p) => invert(wgsToBd, p, gcoord.transform([p[0], p[1]], gcoord.BD09, gcoord.WGS84)),
}

const FROM_WGS84: Record<SourceCrs, Transform> = {
  WGS84: (p) => [p[0], p[1]],
  CGCS2000: (p) => [p[0], p[1]],
  GCJ02: wgsToGcj,
  BD09: wgsToBd,
}

/** Converts one position to WGS-84. */
export function positionToWgs84(p: Position, crs: SourceCrs): Position {
  return transformFor(TO_WGS84, crs)(p)
}

/** Converts one WGS-84 position to `crs`. */
export function positionFromWgs84(p: Position, crs: SourceCrs): Position {
  return transformFor(FROM_WGS84, crs)(p)
}

/** A copy of `geometry` with every position converted from `crs` to WGS-84. */
export function toWgs84<G extends Geometry>(geometry: G, crs: SourceCrs): G {
  return mapGeometry(geometry, transformFor(TO_WGS84, crs)) as G
}

/** A copy of the WGS-84 `geometry` with every position converted to `crs`. */
export function fromWgs84<G extends Geometry>(geometry: G, crs: SourceCrs): G {
  return mapGeometry(geometry, transformFor(FROM_WGS84, crs)) as G
}

function transformFor(table: Record<SourceCrs, Transform>, crs: SourceCrs): Transform {
  const fn = table[crs]
  if (!fn) throw new Error(`Unknown CRS "${crs}": use WGS84, GCJ02, BD09 or CGCS2000.`)
  return fn
}

// Never mutates the input (gcoord.transform on GeoJSON would), and keeps a closed ring closed:
// the conversion is a pure function of the position, so equal positions stay equal.
function mapGeometry(g: Geometry, fn: Transform): Geometry {
  const ring = (r: Position[]): Position[] => r.map(fn)
  switch (g.type) {
    case 'Point': return { ...g, coordinates: fn(g.coordinates) }
    case 'MultiPoint':
    case 'LineString': return { ...g, coordinates: ring(g.coordinates) }
    case 'MultiLineString':
    case 'Polygon': return { ...g, coordinates: g.coordinates.map(ring) }
    case 'MultiPolygon': return { ...g, coordinates: g.coordinates.map((p) => p.map(ring)) }
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((c) => mapGeometry(c, fn)) }
  }
}
