// Exclusive grids (专属网格): schools, hospitals, markets, enterprises … each a small polygon
// wholly inside one village (hence one town and one county), more of them in urban communities.
// They overlay the basic grids: a residential estate's households are already counted there.
import { allocateLargestRemainder } from './allocate-largest-remainder.ts'
import { interiorPoint } from './interior-point.ts'
import { PLACE_SYLLABLES } from './pick-place-names.ts'
import {
  type MultiPoly, type Pt, type Ring, bboxOf, insideTester, localPlane, pointInRing, ringInside, segmentsTouch,
} from './planar-polygon.ts'
import type { SeededRandom } from './seeded-random.ts'
import type { AdminUnitRow, ExclusiveType, GridRow } from './synthetic-city.ts'

const URBAN_WEIGHT = 3       // an urban community attracts this many times more facilities
const MAX_TRIES = 240        // placements tried before falling back to the village centre
const SHRINK_EVERY = 6       // failed tries before the shape is shrunk
const SHRINK = 0.85          // factor per shrink
const MIN_ACROSS_M = 40      // shrinking stops here: smaller is no facility worth a grid
const PERSONS_PER_HOUSEHOLD = 2.6 // for residential estates
const MIX: Record<'urban' | 'rural', [ExclusiveType, number][]> = { // type shares; schools and enterprises lead
  urban: [['school', 22], ['enterprise', 18], ['residential_estate', 14], ['government', 8],
    ['market', 8], ['construction_site', 8], ['hospital', 7], ['industrial_park', 5],
    ['transport_hub', 5], ['scenic_area', 5]],
  rural: [['enterprise', 28], ['school', 22], ['industrial_park', 9], ['government', 8],
    ['market', 7], ['construction_site', 6], ['hospital', 5], ['scenic_area', 5],
    ['transport_hub', 5], ['residential_estate', 5]],
}
const ACROSS_M: Record<ExclusiveType, [number, number]> = { // size range, metres across
  school: [150, 400], hospital: [120, 350], market: [80, 250], industrial_park: [700, 1600],
  enterprise: [100, 500], scenic_area: [250, 600], construction_site: [100, 400],
  transport_hub: [150, 500], government: [80, 200], residential_estate: [200, 600],
}
const INDUSTRIES = ['纺织', '机械', '电子', '建材', '船舶', '食品', '家纺', '化工', '钢结构', '电力设备']

/** `total` exclusive grids spread over `villages` (more in urban communities). */
export function placeExclusiveGrids(
  villages: AdminUnitRow[], towns: AdminUnitRow[], total: number, rng: SeededRandom,
): GridRow[] {
  const townByCode = new Map(towns.map((t) => [t.code, t]))
  const perVillage = allocateLargestRemainder(total, villages.map((v) => (v.urban ? URBAN_WEIGHT : 1)))
  return villages.flatMap((village, i) => {
    if (perVillage[i] === 0) return []
    const town = townByCode.get(village.parentCode ?? '')
    if (!town) throw new Error(`Village ${village.code} has no town.`)
    const plane = localPlane(interiorPoint(village.geom))
    const parent = plane.multiToPlane(village.geom)
    const placed: Ring[] = []
    return Array.from({ length: perVillage[i] }, (_, k): GridRow => {
      const type = weightedPick(MIX[village.urban ? 'urban' : 'rural'], rng)
      const ring = placeShape(parent, placed, ACROSS_M[type], rng)
      placed.push(ring)
      const households = type === 'residential_estate' ? rng.int(200, 1200) : 0
      return {
        code: `${village.code}Z${String(k + 1).padStart(3, '0')}`,
        kind: 'exclusive',
        exclusiveType: type,
        name: `${facilityName(type, town, village, rng)}专属网格`,
        villageCode: village.code,
        countyCode: `${village.code.slice(0, 6)}000000`,
        households,
        population: Math.round(households * PERSONS_PER_HOUSEHOLD),
        geom: plane.multiToLonLat([[ring]]),
      }
    })
  })
}

// Random position, size and rotation until the shape fits the village clear of the facilities
// already there. The plane's origin is an interior point of the village, so shrinking around it
// always ends in a fit; only that last resort may touch a neighbouring facility.
function placeShape(parent: MultiPoly, placed: Ring[], across: [number, number], rng: SeededRandom): Ring {
  const [x0, y0, x1, y1] = bboxOf(parent)
  const inside = insideTester(parent)
  let size = across[0] + (across[1] - across[0]) * rng.next()
  for (let t = 1; t <= MAX_TRIES; t++) {
    const c: Pt = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()]
    if (t % SHRINK_EVERY === 0) size = Math.max(MIN_ACROSS_M, size * SHRINK)
    if (!inside(c)) continue
    const ring = shape(c, size, rng)
    if (ringInside(ring, parent) && placed.every((other) => !ringsMeet(ring, other))) return ring
  }
  for (;;) {
    const ring = shape([0, 0], size, rng)
    if (ringInside(ring, parent)) return ring
    size *= SHRINK
  }
}

// Facilities may not overlap or touch one another.
function ringsMeet(a: Ring, b: Ring): boolean {
  const [ax0, ay0, ax1, ay1] = bboxOf([[a]]), [bx0, by0, bx1, by1] = bboxOf([[b]])
  if (ax0 > bx1 || bx0 > ax1 || ay0 > by1 || by0 > ay1) return false
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) if (segmentsTouch(a[i], a[i + 1], b[j], b[j + 1])) return true
  }
  return pointInRing(a[0], b) || pointInRing(b[0], a)
}

// A rotated rectangle (most buildings and compounds) or a regular polygon (parks, hubs).
function shape(c: Pt, across: number, rng: SeededRandom): Ring {
  const rot = rng.next() * Math.PI
  const pts: Pt[] = []
  if (rng.next() < 0.7) {
    const w = across / 2, h = w / rng.range(1, 2)
    for (const [x, y] of [[-w, -h], [w, -h], [w, h], [-w, h]]) {
      pts.push([c[0] + x * Math.cos(rot) - y * Math.sin(rot), c[1] + x * Math.sin(rot) + y * Math.cos(rot)])
    }
  } else {
    const sides = rng.int(5, 8)
    for (let i = 0; i < sides; i++) {
      const a = rot + (2 * Math.PI * i) / sides
      pts.push([c[0] + (across / 2) * Math.cos(a), c[1] + (across / 2) * Math.sin(a)])
    }
  }
  return [...pts, pts[0]]
}

function weightedPick<T>(table: [T, number][], rng: SeededRandom): T {
  let r = rng.next() * table.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of table) if ((r -= w) < 0) return v
  return table[table.length - 1][0]
}

function facilityName(type: ExclusiveType, town: AdminUnitRow, village: AdminUnitRow, rng: SeededRandom): string {
  const t = town.name, v = village.name, s = rng.pick(PLACE_SYLLABLES)
  const street = town.kind === '街道'
  switch (type) {
    case 'school': return rng.pick([`${t}中心小学`, `${t}实验小学`, `${t}初级中学`, `${v}小学`, `${v}幼儿园`, `${s}中学`])
    case 'hospital': return rng.pick([street ? `${t}社区卫生服务中心` : `${t}卫生院`, `${v}卫生室`, `${s}医院`])
    case 'market': return rng.pick([`${v}农贸市场`, `${t}菜市场`, `${s}商贸城`])
    case 'industrial_park': return rng.pick([`${t}工业集中区`, `${t}经济开发区`, `${s}科技产业园`])
    case 'enterprise': return `南通${s}${rng.pick(INDUSTRIES)}有限公司`
    case 'scenic_area': return rng.pick([`${s}公园`, `${s}湿地公园`, `${t}文化广场`])
    case 'construction_site': return `${s}${rng.pick(['花园', '名邸', '府', '苑'])}项目工地`
    case 'transport_hub': return rng.pick([`${t}汽车站`, `${t}公交枢纽`, `${s}物流园`])
    case 'government': return rng.pick([street ? `${t}办事处` : `${t}人民政府`, `${v}${village.kind === '社区' ? '居民' : '村民'}委员会`])
    case 'residential_estate': return `${s}${rng.pick(['花园', '新村', '家园', '名苑', '小区'])}`
  }
}
