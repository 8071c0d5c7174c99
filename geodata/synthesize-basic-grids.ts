// Basic grids (基础网格): each village is given synthetic households, its grid count follows
// from them (urban grids of about 300–500 households, rural ones larger), and the village is
// partitioned into that many grids, which therefore tile it exactly.
import { allocateLargestRemainder } from './allocate-largest-remainder.ts'
import { interiorPoint } from './interior-point.ts'
import { partitionPolygon } from './partition-polygon.ts'
import { scatterSeeds } from './scatter-seeds.ts'
import type { SeededRandom } from './seeded-random.ts'
import type { AdminUnitRow, GridRow } from './synthetic-city.ts'

const HOUSEHOLDS_PER_GRID = { urban: 400, rural: 480 } // target sizes; the totals fix the scale
const VILLAGE_SPREAD = 0.35      // log-normal sigma of village sizes
const GRID_SPREAD = [0.8, 1.2]   // relative size range of grids within one village
const PERSONS_PER_HOUSEHOLD = [2.4, 2.9] // Jiangsu household size range
const MAX_GRIDS_PER_VILLAGE = 999 // three code digits

/** `total` basic grids over `villages`, at least one each, with households and population. */
export function synthesizeBasicGrids(villages: AdminUnitRow[], total: number, rng: SeededRandom): GridRow[] {
  const target = villages.map((v) => (v.urban ? HOUSEHOLDS_PER_GRID.urban : HOUSEHOLDS_PER_GRID.rural))
  // Relative village sizes first; scaling them so that grids = households / target adds up to
  // `total` makes the allocation land on the target grid sizes.
  const relative = villages.map((_, i) => target[i] * Math.exp(VILLAGE_SPREAD * rng.normal()))
  const gridWeights = relative.map((h, i) => h / target[i])
  const k = total / gridWeights.reduce((a, b) => a + b, 0)
  const households = relative.map((h) => Math.round(h * k))
  const perVillage = allocateLargestRemainder(total, gridWeights, 1)

  return villages.flatMap((village, i) => {
    const n = perVillage[i]
    if (n > MAX_GRIDS_PER_VILLAGE) throw new Error(`Village ${village.code} would need ${n} grids.`)
    const seeds = scatterSeeds(village.geom, n, 0, interiorPoint(village.geom), rng)
    // Grids are the last level: nothing is cut from them, so their own edges stay long.
    const pieces = partitionPolygon(village.geom, seeds, rng, { maxEdgeM: Infinity })
    const split = allocateLargestRemainder(households[i], pieces.map(() => rng.range(GRID_SPREAD[0], GRID_SPREAD[1])))
    const countyCode = `${village.code.slice(0, 6)}000000`
    return pieces.map((geom, g): GridRow => ({
      code: `${village.code}${String(g + 1).padStart(3, '0')}`,
      kind: 'basic',
      exclusiveType: null,
      name: `${village.name}第${g + 1}网格`,
      villageCode: village.code,
      countyCode,
      households: split[g],
      population: Math.round(split[g] * rng.range(PERSONS_PER_HOUSEHOLD[0], PERSONS_PER_HOUSEHOLD[1])),
      geom,
    }))
  })
}
