// Test fixtures for the activity generators: a hand-made geography small enough to reason about,
// and a counts-only one with the real city's 1,916 villages and 10,719 basic grids on toy squares.
import type { MultiPolygon } from 'geojson'
import type { AdminUnitRow, ExclusiveType, GridRow, StationRow, SyntheticGeography } from './synthetic-city.ts'

const ORIGIN: [number, number] = [120.87, 31.99]  // lon, lat of the tiny city's south-west corner
const CELL = 0.01                                  // degrees: one basic grid is ~950 m × 1,110 m
const CITY = '320600000000'                        // 南通市

export function rect(x0: number, y0: number, x1: number, y1: number): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]] }
}

function admin(code: string, parentCode: string | null, level: AdminUnitRow['level'], name: string,
  urban: boolean, geom: MultiPolygon): AdminUnitRow {
  const kind = { city: '地级市', county: '市辖区', town: urban ? '街道' : '镇', village: urban ? '社区' : '村' }[level]
  return { code, parentCode, level, name, kind, synthetic: true, urban, geom }
}

/**
 * Two counties, three towns, six villages (3 columns × 2 rows, each split into two square basic
 * grids), five exclusive grids and two stations, one of them L-shaped:
 *
 *   row 1:  v3 (town A)  | v4 (town C) | v5 (town C)     station 2 = v4 + v5 (county 320612)
 *   row 0:  v0 (town A)  | v1 (town B) | v2 (town B)     station 1 = the rest (county 320613)
 */
export function tinyCity(): SyntheticGeography {
  const villages = [
    { code: '320613001001', name: '和平桥社区', town: 0 }, { code: '320613101201', name: '陈桥村', town: 1 },
    { code: '320613101202', name: '永兴村', town: 1 }, { code: '320613001002', name: '城东社区', town: 0 },
    { code: '320612102201', name: '金沙村', town: 2 }, { code: '320612102202', name: '西亭村', town: 2 },
  ]
  const towns = [
    { code: '320613001000', name: '和平桥街道', county: '320613000000', urban: true, geom: rect(120.87, 31.99, 120.89, 32.01) },
    { code: '320613101000', name: '陈桥镇', county: '320613000000', urban: false, geom: rect(120.89, 31.99, 120.93, 32.00) },
    { code: '320612102000', name: '金沙镇', county: '320612000000', urban: false, geom: rect(120.89, 32.00, 120.93, 32.01) },
  ]
  const adminUnits: AdminUnitRow[] = [
    admin(CITY, null, 'city', '南通市', true, rect(120.87, 31.99, 120.93, 32.01)),
    admin('320613000000', CITY, 'county', '崇川区', true, rect(120.87, 31.99, 120.93, 32.00)),
    admin('320612000000', CITY, 'county', '通州区', false, rect(120.89, 32.00, 120.93, 32.01)),
    ...towns.map(t => admin(t.code, t.county, 'town', t.name, t.urban, t.geom)),
  ]
  const grids: GridRow[] = []
  villages.forEach((v, i) => {
    const x0 = ORIGIN[0] + (i % 3) * 2 * CELL
    const y0 = ORIGIN[1] + Math.floor(i / 3) * CELL
    const town = towns[v.town]
    adminUnits.push(admin(v.code, town.code, 'village', v.name, town.urban, rect(x0, y0, x0 + 2 * CELL, y0 + CELL)))
    for (let g = 0; g < 2; g++) {
      grids.push({ code: `${v.code}00${g + 1}`, kind: 'basic', exclusiveType: null, name: `${v.name}第${g + 1}网格`,
        villageCode: v.code, countyCode: town.county, households: 400 + 100 * i, population: 1200 + 300 * i,
        geom: rect(x0 + g * CELL, y0, x0 + (g + 1) * CELL, y0 + CELL) })
    }
  })
  const exclusive: [number, ExclusiveType, string][] = [
    [0, 'school', '和平桥小学'], [2, 'market', '陈桥农贸市场'], [5, 'hospital', '永兴医院'],
    [8, 'construction_site', '金沙工地'], [11, 'industrial_park', '西亭工业园'],
  ]
  for (const [basic, type, name] of exclusive) {
    const b = grids[basic]
    const [x, y] = b.geom.coordinates[0][0][0]
    grids.push({ ...b, code: `${b.villageCode}X01`, kind: 'exclusive', exclusiveType: type, name,
      households: 0, population: 300, geom: rect(x + 0.004, y + 0.004, x + 0.006, y + 0.006) })
  }
  const stations: StationRow[] = [
    { code: '320613P01', name: '和平桥派出所', countyCode: '320613000000', address: '和平桥街道1号',
      addressPoint: { type: 'Point', coordinates: [120.88, 31.995] }, villageCodes: villages.slice(0, 4).map(v => v.code),
      geom: { type: 'MultiPolygon', coordinates: [[[[120.87, 31.99], [120.93, 31.99], [120.93, 32.0], [120.89, 32.0],
        [120.89, 32.01], [120.87, 32.01], [120.87, 31.99]]]] } },
    { code: '320612P01', name: '金沙派出所', countyCode: '320612000000', address: '金沙镇2号',
      addressPoint: { type: 'Point', coordinates: [120.91, 32.005] }, villageCodes: villages.slice(4).map(v => v.code),
      geom: rect(120.89, 32.0, 120.93, 32.01) },
  ]
  return { adminUnits, grids, stations }
}

/**
 * The real city's counts on toy geometry: 1,916 villages in 4 towns (the first two urban),
 * 10,719 basic grids, two stations splitting the villages. For generators whose counts do not
 * depend on geometry.
 */
export function countsCity(villageCount = 1916, basicGridCount = 10_719): SyntheticGeography {
  const county = '320613000000'
  const adminUnits: AdminUnitRow[] = [admin(CITY, null, 'city', '南通市', true, rect(120, 31, 122, 33)),
    admin(county, CITY, 'county', '崇川区', true, rect(120, 31, 122, 33))]
  const perTown = Math.ceil(villageCount / 4)
  for (let t = 0; t < 4; t++) adminUnits.push(admin(`320613${String(t + 1).padStart(3, '0')}000`, county, 'town', `第${t + 1}街道`, t < 2, rect(120, 31, 122, 33)))
  const grids: GridRow[] = []
  const villageCodes: string[] = []
  for (let v = 0; v < villageCount; v++) {
    const t = Math.floor(v / perTown)
    const code = `320613${String(t + 1).padStart(3, '0')}${String((v % perTown) + 1).padStart(3, '0')}`
    villageCodes.push(code)
    const x = 120 + (v % 40) * 0.05
    const y = 31 + Math.floor(v / 40) * 0.04
    adminUnits.push(admin(code, code.slice(0, 9) + '000', 'village', `第${v + 1}社区`, t < 2, rect(x, y, x + 0.05, y + 0.04)))
  }
  for (let g = 0; g < basicGridCount; g++) {
    const v = g % villageCount
    const k = Math.floor(g / villageCount)
    const x = 120 + (v % 40) * 0.05 + k * 0.005
    const y = 31 + Math.floor(v / 40) * 0.04
    grids.push({ code: `${villageCodes[v]}${String(k + 1).padStart(3, '0')}`, kind: 'basic', exclusiveType: null,
      name: `网格${g + 1}`, villageCode: villageCodes[v], countyCode: county, households: 300, population: 900,
      geom: rect(x, y, x + 0.005, y + 0.005) })
  }
  const half = Math.floor(villageCount / 2)
  const station = (i: number, codes: string[]): StationRow => ({ code: `320613P0${i}`, name: `第${i}派出所`,
    countyCode: county, address: '', addressPoint: { type: 'Point', coordinates: [121, 32] }, villageCodes: codes,
    geom: rect(120, 31, 122, 33) })
  return { adminUnits, grids, stations: [station(1, villageCodes.slice(0, half)), station(2, villageCodes.slice(half))] }
}
