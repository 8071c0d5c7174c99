// Geometry checks in JavaScript, before anything reaches the database: the embedded PostGIS can
// hang on a GEOS exception, so invalid geometry must never get near an overlay function there.
// The checks run in an order where each one can trust the previous: shape of the data, finite
// numbers, conversion to WGS-84, lon/lat range, ring closure and length, self-intersection, holes.
import { booleanPointInPolygon, kinks } from '@turf/turf'
import type { Geometry, MultiPolygon, Position } from 'geojson'

const MIN_RING_POSITIONS = 4 // a triangle, closed: the smallest ring with an area

export interface GeometryProblem {
  reason: string
  location?: [number, number] // [lon, lat] in WGS-84
}

export interface CheckedGeometry {
  geometry: MultiPolygon | null // in WGS-84; null when there is any problem
  problems: GeometryProblem[]
}

/** Checks one feature's geometry, converting it with `toWgs84` once its numbers can be trusted. */
export function checkGeometry(geometry: Geometry | null, toWgs84: (p: Position) => Position): CheckedGeometry {
  const fail = (reason: string, location?: Position): CheckedGeometry =>
    ({ geometry: null, problems: [{ reason, ...(location && { location: lonLat(location) }) }] })
  if (!geometry) return fail('no geometry')
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return fail(`${geometry.type} geometry (only Polygon and MultiPolygon are accepted)`)
  }
  const source = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  if (!isPolygonArray(source)) return fail('malformed coordinates (expected arrays of [x, y] number pairs)')
  if (source.length === 0) return fail('empty geometry')
  if (!source.every((rings) => rings.every((ring) => ring.every(isFinitePosition)))) {
    return fail('non-finite coordinate (NaN or Infinity)')
  }

  let polygons: Position[][][]
  try {
    polygons = source.map((rings) => rings.map((ring) => ring.map(toWgs84)))
  } catch (err) {
    return fail(`coordinates cannot be converted to WGS-84: ${(err as Error).message}`)
  }
  const outside = polygons.flat(2).find((p) => !(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90))
  if (outside) {
    return fail(`coordinate [${outside[0]}, ${outside[1]}] is not a lon/lat position (a projected file needs its .prj)`)
  }

  const problems = polygons.flatMap(checkPolygon)
  return { geometry: problems.length === 0 ? { type: 'MultiPolygon', coordinates: polygons } : null, problems }
}

function checkPolygon(rings: Position[][]): GeometryProblem[] {
  if (rings.length === 0) return [{ reason: 'polygon without rings' }]
  const ringProblems = rings.flatMap(checkRing)
  if (ringProblems.length > 0) return ringProblems // kinks and containment assume closed rings
  const [shell, ...holes] = rings
  const shellPolygon = { type: 'Polygon' as const, coordinates: [shell] }
  for (const hole of holes) {
    const out = hole.find((p) => !booleanPointInPolygon(p, shellPolygon)) // boundary counts as in
    if (out) return [{ reason: 'hole outside its shell', location: lonLat(out) }]
  }
  return []
}

function checkRing(ring: Position[]): GeometryProblem[] {
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length < MIN_RING_POSITIONS) {
    return [{ reason: `ring with ${ring.length} positions (a closed ring needs at least ${MIN_RING_POSITIONS})`, location: lonLat(first) }]
  }
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ reason: 'unclosed ring', location: lonLat(first) }]
  // A repeated vertex is harmless to PostGIS but reads as a crossing to kinks: drop repeats first.
  const distinct = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1])
  const crossing = kinks({ type: 'LineString', coordinates: distinct }).features[0]
  if (crossing) return [{ reason: 'self-intersection (bowtie)', location: lonLat(crossing.geometry.coordinates) }]
  return []
}

function isPolygonArray(value: unknown): value is Position[][][] {
  return Array.isArray(value) && value.every((rings) => Array.isArray(rings) &&
    rings.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p) && p.length >= 2)))
}

function isFinitePosition(p: Position): boolean {
  return typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])
}

function lonLat(p: Position): [number, number] {
  return [p[0], p[1]]
}
