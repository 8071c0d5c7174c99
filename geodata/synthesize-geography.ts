// The synthetic administrative geography of Nantong below district level, built on the real
// city and district boundaries. Each stage partitions the level above, so every level tiles its
// parent with no gap and no overlap:
//   real districts ─ towns (real names and codes, synthetic shapes)
//     ─ villages/communities ─ basic grids; exclusive grids overlay villages; police stations
//     are unions of whole villages. Finally all tiled levels are noded together.
// Everything below district level is synthetic (AdminUnitRow.synthetic = true) and must be
// labelled as such wherever it is shown. The same SeedOptions give the same output.
import { booleanPointInPolygon } from '@turf/turf'
import type { MultiPolygon } from 'geojson'
import { allocateLargestRemainder } from './allocate-largest-remainder.ts'
import { assignPoliceStations } from './assign-police-stations.ts'
import { interiorPoint } from './interior-point.ts'
import { nodeCoverage } from './node-coverage.ts'
import { partitionPolygon } from './partition-polygon.ts'
import { pickPlaceNames } from './pick-place-names.ts'
import { placeExclusiveGrids } from './place-exclusive-grids.ts'
import { localPlane, multiArea } from './planar-polygon.ts'
import { type RealTown, readRealBoundaries } from './read-real-boundaries.ts'
import { scatterSeeds } from './scatter-seeds.ts'
import { seededRandom } from './seeded-random.ts'
import { synthesizeBasicGrids } from './synthesize-basic-grids.ts'
import type { AdminUnitRow, SeedOptions, SyntheticGeography } from './synthetic-city.ts'

const REAL_VILLAGES = 1916         // villages + communities in Nantong
const REAL_BASIC_GRIDS = 10_719    // basic grids (基础网格)
const REAL_EXCLUSIVE_GRIDS = 4571  // exclusive grids (专属网格)
const EXTRA_STATIONS = 10          // second stations in the largest streets, at scale 1
const URBAN_VILLAGE_FACTOR = 2.2   // a street holds more, smaller communities per km²
const AREA_EXPONENT = 0.4          // village counts grow sub-linearly with town area
const COMMUNITY_SHARE = { street: 0.85, seat: 0.5, town: 0.1 } // share of 社区 among villages
const MAX_PER_KIND = { 社区: 199, 村: 200 } // codes 001–199 and 200–399

export function synthesizeGeography(opts: SeedOptions): SyntheticGeography {
  if (!(opts.scale > 0)) throw new Error(`Scale must be > 0, got ${opts.scale}.`)
  const rng = seededRandom(opts.seed)
  const real = readRealBoundaries()
  const count = (n: number, min: number): number => Math.max(min, Math.round(n * opts.scale))

  // 1. Each real district into its real towns; streets cluster around the district seat.
  const towns = real.counties.flatMap((county) => {
    const members = real.towns.filter((t) => t.countyCode === county.code)
    if (members.length === 0) throw new Error(`County ${county.code} has no towns in the CSV.`)
    const streets = members.filter((t) => t.urban).length
    // Without streets the seat town (lowest code) is the core; an all-street district keeps
    // its older inner half (lowest codes) dense so the outskirts still get larger units.
    const dense = streets === 0 ? 1 : streets === members.length ? Math.ceil(streets / 2) : streets
    const seat = real.seats[county.code]
    const core = booleanPointInPolygon(seat, county.geom) ? seat : interiorPoint(county.geom)
    const seeds = scatterSeeds(county.geom, members.length, dense, core, rng)
    const pieces = partitionPolygon(county.geom, seeds, rng)
    return members.map((t, i) => townRow(t, pieces[i]))
  })

  // 2. Towns into villages and communities, allocated by area, streets getting more.
  const villageTotal = count(REAL_VILLAGES, towns.length)
  const perTown = allocateLargestRemainder(villageTotal, towns.map((t) =>
    (areaKm2(t.geom) ** AREA_EXPONENT) * (t.urban ? URBAN_VILLAGE_FACTOR : 1)), 1)
  const villages = towns.flatMap((town, i) => villagesOf(town, perTown[i], isSeatTown(town, real.towns)))

  // 3. Villages into basic grids by households; 4. exclusive grids; 5. police stations.
  const basic = synthesizeBasicGrids(villages, count(REAL_BASIC_GRIDS, villages.length), rng)
  const exclusive = placeExclusiveGrids(villages, towns, count(REAL_EXCLUSIVE_GRIDS, 0), rng)
  const stations = assignPoliceStations(towns, villages, Math.round(EXTRA_STATIONS * opts.scale), rng)

  // 6. Shared boundaries get the same vertices on both sides, across every level.
  const adminUnits = [real.city, ...real.counties, ...towns, ...villages]
  const tiled = [...adminUnits, ...basic, ...stations]
  nodeCoverage(tiled.map((row) => row.geom)).forEach((geom, i) => { tiled[i].geom = geom })

  return { adminUnits, grids: [...basic, ...exclusive], stations }

  function villagesOf(town: AdminUnitRow, n: number, seatTown: boolean): AdminUnitRow[] {
    const share = town.urban ? COMMUNITY_SHARE.street : seatTown ? COMMUNITY_SHARE.seat : COMMUNITY_SHARE.town
    const communities = Math.min(n, Math.max(town.urban ? 1 : 0, Math.round(n * share)))
    const rural = n - communities
    if (communities > MAX_PER_KIND.社区 || rural > MAX_PER_KIND.村) {
      throw new Error(`Town ${town.code} cannot hold ${n} villages: codes run out.`)
    }
    const dense = communities === n ? Math.ceil(n / 2) : communities
    const seeds = scatterSeeds(town.geom, n, dense, interiorPoint(town.geom), rng)
    const pieces = partitionPolygon(town.geom, seeds, rng)
    const names = [...pickPlaceNames(rng, communities, '社区'), ...pickPlaceNames(rng, rural, '村')]
    const prefix = town.code.slice(0, 9)
    return pieces.map((geom, i): AdminUnitRow => {
      const community = i < communities
      const seq = community ? i + 1 : 200 + (i - communities)
      return {
        code: `${prefix}${String(seq).padStart(3, '0')}`,
        parentCode: town.code,
        level: 'village',
        name: names[i],
        kind: community ? '社区' : '村',
        synthetic: true,
        urban: community,
        geom,
      }
    })
  }
}

function townRow(t: RealTown, geom: MultiPolygon): AdminUnitRow {
  return {
    code: t.code, parentCode: t.countyCode, level: 'town', name: t.name, kind: t.kind,
    synthetic: true, urban: t.urban, geom,
  }
}

// In a county without streets the lowest-coded town is the seat (汇龙镇, 海安镇).
function isSeatTown(town: AdminUnitRow, all: RealTown[]): boolean {
  const members = all.filter((t) => t.countyCode === town.parentCode)
  return !members.some((t) => t.urban) && members[0]?.code === town.code
}

function areaKm2(g: MultiPolygon): number {
  return multiArea(localPlane(g.coordinates[0][0][0]).multiToPlane(g)) / 1e6
}
