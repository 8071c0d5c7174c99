// Seeds for partitionPolygon that reproduce the urban/rural contrast of a real district: the
// first `dense` seeds (streets, communities) cluster in a disc around the core (district seat,
// town centre), the rest spread over the remainder. The disc is sized so that a dense unit gets
// about DENSE_AREA_RATIO of the area of a sparse one.
import type { MultiPolygon, Position } from 'geojson'
import type { PartitionSeed } from './partition-polygon.ts'
import { type Pt, bboxOf, insideTester, localPlane, multiArea } from './planar-polygon.ts'
import type { SeededRandom } from './seeded-random.ts'

const DENSE_AREA_RATIO = 0.3 // area of a dense unit relative to a sparse one
const DENSE_WEIGHT = 6       // Lloyd density of a dense seed, so relaxation keeps the cluster
const CLEARANCE = 1.1        // sparse seeds keep this multiple of the disc radius from the core
const MAX_TRIES = 400        // rejection attempts per seed before the constraint is relaxed
const DISC_GROWTH = 1.25     // how much the disc widens when it is mostly outside the parent

/** `count` seeds in `parent`, the first `dense` of them clustered around `core`. */
export function scatterSeeds(
  parent: MultiPolygon, count: number, dense: number, core: Position, rng: SeededRandom,
): PartitionSeed[] {
  const plane = localPlane(core)
  const multi = plane.multiToPlane(parent)
  const inside = insideTester(multi)
  const area = multiArea(multi)
  const sparse = count - dense
  const share = dense === 0 ? 0 : (dense * DENSE_AREA_RATIO) / (dense * DENSE_AREA_RATIO + sparse)
  let radius = Math.sqrt((share * area) / Math.PI)
  const [x0, y0, x1, y1] = bboxOf(multi)

  const seeds: PartitionSeed[] = []
  const push = (p: Pt, weight: number): void => {
    const [x, y] = plane.toLonLat(p)
    seeds.push({ x, y, weight })
  }
  while (seeds.length < dense) {
    let placed = false
    for (let t = 0; t < MAX_TRIES && !placed; t++) {
      const r = radius * Math.sqrt(rng.next()), a = 2 * Math.PI * rng.next()
      const p: Pt = [r * Math.cos(a), r * Math.sin(a)]
      if (inside(p)) { push(p, DENSE_WEIGHT); placed = true }
    }
    if (!placed) radius *= DISC_GROWTH
  }
  let clearance = dense === 0 ? 0 : radius * CLEARANCE
  while (seeds.length < count) {
    let placed = false
    for (let t = 0; t < MAX_TRIES && !placed; t++) {
      const p: Pt = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()]
      if (Math.hypot(p[0], p[1]) >= clearance && inside(p)) { push(p, 1); placed = true }
    }
    if (!placed) clearance /= DISC_GROWTH
  }
  return seeds
}
