// Converts GeoJSON geometries between the CRSs Chinese sources come in and WGS-84 (EPSG:4326).
// gcoord's forward formulas (WGS-84 → GCJ-02 → BD-09) are the definition of those CRSs. Its
// inverses are not used: GCJ-02 → WGS-84 is an unbounded loop that never ends for some points near
// the edge of its China box (a request could hang the server). We invert by a bounded fixed-point
// iteration on the forward formula, x ← x − (forward(x) − target), to 1e-9° (0.1 mm), and report
// a point where it does not converge as an error the caller can turn into a 4xx.
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

export class CrsConversionError extends Error {}

/** Inverts a forward transform so that forward(result) equals target to 1e-9°. */
function invert(forward: Transform, target: Position): Position {
  const f0 = forward(target)
  let x = 2 * target[0] - f0[0] // one step from the target: the offset is nearly constant locally
  let y = 2 * target[1] - f0[1]
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const f = forward([x, y])
    const dx = f[0] - target[0]
    const dy = f[1] - target[1]
    if (Math.abs(dx) < INVERSE_TOLERANCE && Math.abs(dy) < INVERSE_TOLERANCE) return [x, y]
    x -= dx
    y -= dy
  }
  throw new CrsConversionError(`[${target[0]}, ${target[1]}] cannot be converted to WGS-84: it is not a point of that CRS.`)
}

// CGCS2000 and WGS-84 differ by well under a metre (same origin, near-identical ellipsoid), far
// below the accuracy of any source we import, so CGCS2000 is treated as WGS-84.
const TO_WGS84: Record<SourceCrs, Transform> = {
  WGS84: (p) => [p[0], p[1]],
  CGCS2000: (p) => [p[0], p[1]],
  GCJ02: (p) => invert(wgsToGcj, p),
  BD09: (p) => invert(wgsToBd, p),
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
