// A point guaranteed to lie inside a (Multi)Polygon, for town centres and station addresses:
// the centroid of the largest part when it falls inside, else turf's point-on-surface.
import { pointOnFeature } from '@turf/turf'
import type { MultiPolygon, Position } from 'geojson'
import { type Pt, localPlane, pointInPoly, polyArea, ringCentroid } from './planar-polygon.ts'

export function interiorPoint(g: MultiPolygon): Position {
  if (g.coordinates.length === 0) throw new Error('An empty MultiPolygon has no interior point.')
  const plane = localPlane(g.coordinates[0][0][0])
  const parts = plane.multiToPlane(g)
  let largest = parts[0]
  for (const p of parts) if (polyArea(p) > polyArea(largest)) largest = p
  const c: Pt = ringCentroid(largest[0])
  if (pointInPoly(c, largest)) return plane.toLonLat(c)
  return pointOnFeature({ type: 'Polygon', coordinates: largest.map((r) => r.map(plane.toLonLat)) })
    .geometry.coordinates
}
