// Police stations (派出所): one per town, and a second one ('<town>东派出所') in the towns with
// the most communities. A jurisdiction is always a union of whole villages, so stations tile the
// city and follow community boundaries.
//
// Code scheme (12 digits): county code (6) + '51' (our marker for a 派出所) + a 2-digit sequence
// within the county in town-code order (01–99) + '00'; 320612510100 is 通州区's first station.
import type { MultiPolygon } from 'geojson'
import { union } from 'polyclip-ts'
import { interiorPoint } from './interior-point.ts'
import { ROAD_STEMS } from './pick-place-names.ts'
import type { SeededRandom } from './seeded-random.ts'
import type { AdminUnitRow, StationRow } from './synthetic-city.ts'

const STATION_MARKER = '51' // digits 7–8 of a station code
const MAX_HOUSE_NUMBER = 399 // address house numbers run 1…this

/** One station per town plus `extra` second stations for the towns with most communities. */
export function assignPoliceStations(
  towns: AdminUnitRow[], villages: AdminUnitRow[], extra: number, rng: SeededRandom,
): StationRow[] {
  const byTown = new Map<string, AdminUnitRow[]>(towns.map((t) => [t.code, []]))
  for (const v of villages) {
    const list = byTown.get(v.parentCode ?? '')
    if (!list) throw new Error(`Village ${v.code} belongs to no known town.`)
    list.push(v)
  }
  const communities = (t: AdminUnitRow): number => byTown.get(t.code)!.filter((v) => v.kind === '社区').length
  const split = new Set(towns
    .filter((t) => byTown.get(t.code)!.length >= 2)
    .sort((a, b) => communities(b) - communities(a) ||
      byTown.get(b.code)!.length - byTown.get(a.code)!.length || a.code.localeCompare(b.code))
    .slice(0, extra)
    .map((t) => t.code))

  const seqInCounty = new Map<string, number>()
  const stations: StationRow[] = []
  for (const town of [...towns].sort((a, b) => a.code.localeCompare(b.code))) {
    const members = byTown.get(town.code)!
    const groups = split.has(town.code) ? westEast(members) : [members]
    groups.forEach((group, g) => {
      const county = town.code.slice(0, 6)
      const seq = (seqInCounty.get(county) ?? 0) + 1
      if (seq > 99) throw new Error(`County ${county} has more than 99 stations.`)
      seqInCounty.set(county, seq)
      const short = shortName(town)
      const point = interiorPoint(group[0].geom) // the lowest code: a community near the centre
      stations.push({
        code: `${county}${STATION_MARKER}${String(seq).padStart(2, '0')}00`,
        name: `${short}${g === 0 ? '' : '东'}派出所`,
        countyCode: `${county}000000`,
        address: `${town.name}${rng.pick(ROAD_STEMS)}路${rng.int(1, MAX_HOUSE_NUMBER)}号`,
        addressPoint: { type: 'Point', coordinates: point },
        villageCodes: group.map((v) => v.code).sort(),
        // A one-station town is exactly the union of its villages: reuse it rather than recompute.
        geom: groups.length === 1 ? structuredClone(town.geom) : unionOf(group),
      })
    })
  }
  return stations
}

// The western half of the villages keeps the town's station, the eastern half gets '东'.
function westEast(villages: AdminUnitRow[]): AdminUnitRow[][] {
  const x = new Map(villages.map((v) => [v.code, interiorPoint(v.geom)[0]]))
  const sorted = [...villages].sort((a, b) => x.get(a.code)! - x.get(b.code)!)
  const half = Math.ceil(sorted.length / 2)
  const byCode = (a: AdminUnitRow, b: AdminUnitRow): number => a.code.localeCompare(b.code)
  return [sorted.slice(0, half).sort(byCode), sorted.slice(half).sort(byCode)]
}

function unionOf(villages: AdminUnitRow[]): MultiPolygon {
  const [first, ...rest] = villages.map((v) => v.geom.coordinates as [number, number][][][])
  return { type: 'MultiPolygon', coordinates: union(first, ...rest) }
}

function shortName(town: AdminUnitRow): string {
  return town.name.endsWith(town.kind) && town.name.length > town.kind.length
    ? town.name.slice(0, -town.kind.length) : town.name
}
