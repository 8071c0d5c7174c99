import type { MultiPolygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { type PartitionSeed, partitionPolygon, planarArea } from './partition-polygon.ts'
import { seededRandom } from './seeded-random.ts'
import { densifyMultiPolygon } from './densify-ring.ts'
import { bbox, edgeMismatch, gapArea, invalidity, worstOverlap } from './tiling-checks.fixture.ts'

const ORIGIN = [120.9, 32.0]  // lon, lat of the fixtures' south-west corner
const UNIT = 0.001            // degrees per fixture unit (~95 m × 111 m)
const MAX_GAP_M2 = 1
const MAX_OVERLAP_M2 = 0.01

const at = (x: number, y: number): [number, number] => [ORIGIN[0] + x * UNIT, ORIGIN[1] + y * UNIT]
const ring = (pts: [number, number][]): [number, number][] => [...pts, pts[0]].map(([x, y]) => at(x, y))
const seed = (x: number, y: number): PartitionSeed => { const [lon, lat] = at(x, y); return { x: lon, y: lat } }

// A U: two tall arms (x 0–1 and 2–3) on a bottom bar (y 0–1).
const U: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[ring([[0, 0], [3, 0], [3, 10], [2, 10], [2, 1], [1, 1], [1, 10], [0, 10]])]],
}

function expectTiling(parent: MultiPolygon, pieces: MultiPolygon[]): void {
  for (const p of pieces) expect(invalidity(p)).toBeNull()
  expect(gapArea(parent, pieces)).toBeLessThan(MAX_GAP_M2)
  expect(worstOverlap(pieces)).toBeLessThan(MAX_OVERLAP_M2)
}

describe('partitionPolygon', () => {
  it('gives a cell cut in two by a concave parent to one piece only', () => {
    // The seed at the inner edge of the left arm claims part of the right arm too (closer to it
    // than to any other seed); that orphan must go to a right-arm neighbour.
    const seeds = [seed(0.5, 9), seed(2.5, 9), seed(1.5, 0.5), seed(0.9, 5)]
    const pieces = partitionPolygon(U, seeds, seededRandom(1), { lloydSteps: 0 })
    expectTiling(U, pieces)
    for (const p of pieces) expect(p.coordinates).toHaveLength(1)
    expect(bbox(pieces[3])[2]).toBeLessThanOrEqual(at(1, 0)[0] + 1e-12) // stays in the left arm
  })

  it('keeps an island no seed stands on with a single piece', () => {
    const parent: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ring([[0, 0], [6, 0], [6, 4], [0, 4]])], [ring([[8, 1], [9, 1], [9, 2], [8, 2]])]],
    }
    const pieces = partitionPolygon(parent, [seed(1, 1), seed(3, 3), seed(5, 1)], seededRandom(2))
    expectTiling(parent, pieces)
    expect(pieces.map((p) => p.coordinates.length).sort()).toEqual([1, 1, 2])
  })

  it('leaves a hole in the parent uncovered', () => {
    const parent: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[ring([[0, 0], [6, 0], [6, 6], [0, 6]]), ring([[2, 2], [2, 4], [4, 4], [4, 2]])]],
    }
    const seeds = [seed(1, 1), seed(5, 1), seed(5, 5), seed(1, 5), seed(3, 1)]
    const pieces = partitionPolygon(parent, seeds, seededRandom(3))
    expectTiling(parent, pieces)
    const origin = at(3, 3)
    const total = pieces.reduce((s, p) => s + planarArea(p, origin), 0)
    expect(total).toBeCloseTo(planarArea(parent, origin), 0)
  })

  it('shares every vertex of a common edge exactly between neighbours, long edges split alike', () => {
    const parent = densifyMultiPolygon(U, 100) // as the real districts are: no parent edge gets split
    // No relaxation: these seeds leave no orphan, whose adoption would make a cut point interior.
    const pieces = partitionPolygon(parent, [seed(0.5, 5), seed(2.5, 5), seed(1.5, 0.5)], seededRandom(4), { lloydSteps: 0 })
    const key = (p: number[]): string => `${p[0]},${p[1]}`
    const counts = new Map<string, number>()
    for (const p of pieces) for (const v of new Set(p.coordinates[0][0].map(key))) counts.set(v, (counts.get(v) ?? 0) + 1)
    const parentVertices = new Set(parent.coordinates[0][0].map(key))
    // Every vertex the parent did not have was made by a cut or by splitting a long cut edge,
    // so at least two pieces hold it.
    for (const [v, n] of counts) if (!parentVertices.has(v)) expect(n, v).toBeGreaterThanOrEqual(2)
    // The only edges that do not match are at the 4 cut points (both arms' sides): each leaves a
    // parent edge and its two halves. The synthesizer's noding step closes exactly those.
    expect(edgeMismatch(parent, pieces)).toHaveLength(4 * 3)
  })

  it('returns the parent itself for a single seed and rejects no seeds', () => {
    expect(partitionPolygon(U, [seed(0.5, 0.5)], seededRandom(5))).toEqual([U])
    expect(() => partitionPolygon(U, [], seededRandom(5))).toThrow(/zero seeds/)
  })

  it('is deterministic for a given random stream', () => {
    const seeds = [seed(0.5, 9), seed(2.5, 9), seed(1.5, 0.5), seed(0.9, 5), seed(2.5, 3)]
    expect(partitionPolygon(U, seeds, seededRandom(6))).toEqual(partitionPolygon(U, seeds, seededRandom(6)))
  })
})
