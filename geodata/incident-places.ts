// Where incidents happen: a point inside a basic grid, drawn by population plus ~30 hot spots
// (busy streets, markets, stations) that pull a good share of reports towards them; categories
// tied to exclusive grids (school safety, market food safety …) mostly happen inside one.
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf'
import Flatbush from 'flatbush'
import type { MultiPolygon } from 'geojson'
import type { SeededRandom } from './seeded-random.ts'
import type { GridRow, SyntheticGeography } from './synthetic-city.ts'
import type { Category } from './taxonomy.ts'
import { weightedIndex } from './weighted-index.ts'

const HOT_SPOTS = 30               // hot-spot centres per city
const HOT_SPOT_SHARE = 0.35        // share of incidents drawn towards hot spots
const HOT_SPOT_SIGMA_M = 800       // spread of a hot spot: a few dozen urban grids
const URBAN_HOT_SPOT_BIAS = 8      // an urban grid is this much likelier to be a hot-spot centre
const EXCLUSIVE_SHARE = 0.6        // of categories tied to exclusive grids, the share inside one
const MAX_TRIES = 500              // rejection-sampling attempts before falling back
const M_PER_DEG = 111_320          // metres per degree of latitude

export type LonLat = [number, number]

export interface IncidentPlace {
  grid: GridRow                    // the basic grid holding the point
  location: LonLat
  exclusive: GridRow[]             // exclusive grids holding the point
}

export interface IncidentPlaceSampler {
  sample(category: Category): IncidentPlace
  /** A point within `radiusM` of a place and in the same basic grid: a second report of it. */
  near(place: IncidentPlace, radiusM: number): IncidentPlace
}

type Box = [number, number, number, number]

export function incidentPlaceSampler(geo: SyntheticGeography, rng: SeededRandom): IncidentPlaceSampler {
  const basic = geo.grids.filter(g => g.kind === 'basic')
  const exclusive = geo.grids.filter(g => g.kind === 'exclusive')
  if (basic.length === 0) throw new Error('The geography has no basic grids to place incidents in.')
  const basicBoxes = basic.map(g => bboxOf(g.geom))
  const exclusiveBoxes = exclusive.map(g => bboxOf(g.geom))
  const basicIndex = indexOf(basicBoxes)
  const exclusiveIndex = exclusive.length ? indexOf(exclusiveBoxes) : null
  const drawGrid = weightedIndex(gridWeights(geo, basic, basicBoxes, rng))
  const byType = new Map<string, number[]>()
  exclusive.forEach((g, i) => byType.set(g.exclusiveType!, [...(byType.get(g.exclusiveType!) ?? []), i]))
  const candidates = new Map<string, number[]>()  // category code → exclusive grid indices

  const pointIn = (geom: MultiPolygon, [x0, y0, x1, y1]: Box): LonLat => {
    for (let t = 0; t < MAX_TRIES; t++) {
      const p: LonLat = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()]
      if (booleanPointInPolygon(p, geom)) return p
    }
    return pointOnFeature(geom).geometry.coordinates as LonLat  // a sliver: any inside point will do
  }
  const exclusiveAt = (p: LonLat): GridRow[] => !exclusiveIndex ? []
    : exclusiveIndex.search(p[0], p[1], p[0], p[1]).sort((a, b) => a - b)
      .filter(i => booleanPointInPolygon(p, exclusive[i].geom)).map(i => exclusive[i])
  const basicAt = (p: LonLat): GridRow | undefined => basicIndex.search(p[0], p[1], p[0], p[1])
    .sort((a, b) => a - b).map(i => basic[i]).find(g => booleanPointInPolygon(p, g.geom))

  return {
    sample(category) {
      let list = candidates.get(category.code)
      if (!list) {
        list = category.exclusiveTypes.flatMap(t => byType.get(t) ?? []).sort((a, b) => a - b)
        candidates.set(category.code, list)
      }
      if (list.length && rng.next() < EXCLUSIVE_SHARE) {
        const e = rng.pick(list)
        const location = pointIn(exclusive[e].geom, exclusiveBoxes[e])
        const grid = basicAt(location)
        if (grid) return { grid, location, exclusive: exclusiveAt(location) }
      }
      const i = drawGrid(rng.next())
      const location = pointIn(basic[i].geom, basicBoxes[i])
      return { grid: basic[i], location, exclusive: exclusiveAt(location) }
    },
    near(place, radiusM) {
      const [x, y] = place.location
      const dy = radiusM / M_PER_DEG
      const dx = dy / Math.cos((y * Math.PI) / 180)
      for (let t = 0; t < 20; t++) {
        const r = Math.sqrt(rng.next())  // uniform over the disc
        const a = 2 * Math.PI * rng.next()
        const p: LonLat = [x + r * Math.cos(a) * dx, y + r * Math.sin(a) * dy]
        if (booleanPointInPolygon(p, place.grid.geom)) return { grid: place.grid, location: p, exclusive: exclusiveAt(p) }
      }
      return place
    },
  }
}

/** Grid weights: population share blended with closeness to randomly drawn hot-spot centres. */
function gridWeights(geo: SyntheticGeography, basic: GridRow[], boxes: Box[], rng: SeededRandom): Float64Array {
  const urban = new Set(geo.adminUnits.filter(a => a.level === 'village' && a.urban).map(a => a.code))
  const population = basic.map(g => Math.max(1, g.population))
  const centres = boxes.map(([x0, y0, x1, y1]) => [(x0 + x1) / 2, (y0 + y1) / 2])
  const drawCentre = weightedIndex(basic.map((g, i) => population[i] * (urban.has(g.villageCode) ? URBAN_HOT_SPOT_BIAS : 1)))
  const spots = Array.from({ length: HOT_SPOTS }, () => ({ at: centres[drawCentre(rng.next())], strength: 0.5 + rng.next() }))
  const heat = centres.map(([x, y]) => {
    let h = 0
    for (const { at, strength } of spots) {
      const dx = (x - at[0]) * M_PER_DEG * Math.cos((y * Math.PI) / 180)
      const dy = (y - at[1]) * M_PER_DEG
      h += strength * Math.exp(-(dx * dx + dy * dy) / (2 * HOT_SPOT_SIGMA_M ** 2))
    }
    return h
  })
  const popSum = population.reduce((a, b) => a + b, 0)
  const heatSum = heat.reduce((a, b) => a + b, 0)
  return Float64Array.from(basic, (_, i) => (1 - HOT_SPOT_SHARE) * population[i] / popSum + HOT_SPOT_SHARE * heat[i] / heatSum)
}

function bboxOf(geom: MultiPolygon): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity]
  for (const polygon of geom.coordinates) for (const [x, y] of polygon[0]) {
    if (x < box[0]) box[0] = x
    if (y < box[1]) box[1] = y
    if (x > box[2]) box[2] = x
    if (y > box[3]) box[3] = y
  }
  return box
}

function indexOf(boxes: Box[]): Flatbush {
  const index = new Flatbush(boxes.length)
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3])
  index.finish()
  return index
}
