import { describe, expect, it } from 'vitest'
import type { MultiPolygon, Point, Position } from 'geojson'
import { fromWgs84, positionFromWgs84, positionToWgs84, toWgs84, CrsConversionError } from './to-wgs84.ts'
import { seededRandom } from './seeded-random.ts'

const SAMPLES = 10_000                    // positions per round-trip test
const BBOX = [120.2, 31.5, 121.95, 32.8]  // Nantong, lon/lat
const M_PER_DEG_LAT = 111_320             // metres per degree of latitude
const MAX_ROUND_TRIP_M = 0.5              // the accuracy PROVENANCE.md asks for

function metres(a: Position, b: Position): number {
  const k = Math.cos((a[1] * Math.PI) / 180)
  return Math.hypot((a[0] - b[0]) * M_PER_DEG_LAT * k, (a[1] - b[1]) * M_PER_DEG_LAT)
}

function nantongPoints(seed: number): Position[] {
  const rng = seededRandom(seed)
  return Array.from({ length: SAMPLES }, () => [
    rng.range(BBOX[0], BBOX[2]), rng.range(BBOX[1], BBOX[3]),
  ])
}

describe('toWgs84', () => {
  it('round-trips WGS-84 → GCJ-02 → WGS-84 within half a metre across Nantong', () => {
    let worst = 0
    for (const p of nantongPoints(1)) {
      worst = Math.max(worst, metres(p, positionToWgs84(positionFromWgs84(p, 'GCJ02'), 'GCJ02')))
    }
    expect(worst).toBeLessThan(MAX_ROUND_TRIP_M)
    expect(worst).toBeLessThan(0.001) // the polished inverse is in fact sub-millimetre
  })

  it('round-trips WGS-84 → BD-09 → WGS-84 within half a metre across Nantong', () => {
    let worst = 0
    for (const p of nantongPoints(2)) {
      worst = Math.max(worst, metres(p, positionToWgs84(positionFromWgs84(p, 'BD09'), 'BD09')))
    }
    expect(worst).toBeLessThan(MAX_ROUND_TRIP_M)
  })

  it("reproduces gcoord's documented reference values", () => {
    // gcoord README: transform([123, 45], GCJ02, WGS84) → [122.99395597, 44.99804071]
    const wgs = positionToWgs84([123, 45], 'GCJ02')
    expect(wgs[0]).toBeCloseTo(122.99395597, 6)
    expect(wgs[1]).toBeCloseTo(44.99804071, 6)
    // gcoord README: transform([116.403988, 39.914266], WGS84, BD09) → [116.4166156…, 39.9219658…]
    const bd = positionFromWgs84([116.403988, 39.914266], 'BD09')
    expect(bd[0]).toBeCloseTo(116.41661560068297, 9)
    expect(bd[1]).toBeCloseTo(39.92196580126834, 9)
  })

  it('shifts Nantong by the documented GCJ-02 offset (about 400 m east, 240 m south)', () => {
    const gcj = positionFromWgs84([120.86, 32.01], 'GCJ02')
    expect(gcj[0] - 120.86).toBeCloseTo(0.0043, 3)
    expect(gcj[1] - 32.01).toBeCloseTo(-0.0021, 3)
  })

  it('treats CGCS2000 as WGS-84 and leaves the input geometry untouched', () => {
    const point: Point = { type: 'Point', coordinates: [120.9, 32.0] }
    expect(toWgs84(point, 'CGCS2000')).toEqual(point)
    const converted = toWgs84(point, 'GCJ02')
    expect(point.coordinates).toEqual([120.9, 32.0])
    expect(converted.coordinates[0]).not.toBe(120.9)
  })

  it('keeps polygon rings closed through a conversion', () => {
    const square: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[120.9, 32], [121, 32], [121, 32.1], [120.9, 32]]]],
    }
    const ring = fromWgs84(toWgs84(square, 'GCJ02'), 'BD09').coordinates[0][0]
    expect(ring[0]).toEqual(ring[ring.length - 1])
  })
})

describe('converting points at the edge of the GCJ-02 area', () => {
  it('converts or refuses, and never loops, where gcoord\'s own inverse never ends', () => {
    for (const p of [[105, 0.8295], [73.5, 3.9], [135.05, 55.8], [120.6, 31.9]]) {
      try {
        const w = positionToWgs84(p, 'GCJ02')
        expect(Number.isFinite(w[0]) && Number.isFinite(w[1])).toBe(true)
      } catch (err) {
        expect(err).toBeInstanceOf(CrsConversionError)
      }
    }
  })
})
