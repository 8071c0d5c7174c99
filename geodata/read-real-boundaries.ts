// Reads the real boundaries of Nantong (sources/, GCJ-02) and hands them back in WGS-84 as
// AdminUnitRows: the city, its 7 county-level districts, and the names and codes of its 100
// towns/streets, which have no free polygons (the generator derives those).
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import type { AdminUnitRow } from './synthetic-city.ts'
import { densifyMultiPolygon } from './densify-ring.ts'
import { positionToWgs84, toWgs84 } from './to-wgs84.ts'

const SOURCES = new URL('./sources/', import.meta.url) // next to this file, wherever it runs from
const DISTRICTS_FILE = 'nantong-districts.gcj02.geojson' // current 7-district layout
const OUTLINE_FILE = 'nantong-outline.gcj02.geojson'     // the city outline with its island
const TOWNS_FILE = 'nantong-towns.csv'                   // names and 12-digit codes
const CITY_CODE = '320600000000'                         // 南通市
const MAX_EDGE_M = 100                                   // see densify-ring.ts
const CODE_RENAMES: Record<string, string> = {
  '320602': '320613', // 崇川区: the boundary files predate the 2020 code
  '320684': '320614', // 海门市 became 海门区 in 2020
}
const COUNTY_KIND: Record<string, string> = {
  '320613': '市辖区', '320612': '市辖区', '320614': '市辖区',
  '320623': '县',
  '320681': '县级市', '320682': '县级市', '320685': '县级市',
}

export interface RealTown {
  code: string          // 12 digits, e.g. 320612001000
  countyCode: string    // 12 digits
  name: string          // 金沙街道
  shortName: string     // 金沙: the name without 街道/镇/乡, as stations are named
  kind: '街道' | '镇' | '乡'
  urban: boolean        // streets (街道) are urban, towns (镇/乡) rural
}

export interface RealBoundaries {
  city: AdminUnitRow
  counties: AdminUnitRow[]          // in code order
  seats: Record<string, Position>   // county code → seat of government, WGS-84
  towns: RealTown[]                 // in code order
}

interface CsvRow { id: string; pid: string; deep: string; extId: string; extName: string }

export function readRealBoundaries(): RealBoundaries {
  const rows = readTownsCsv()
  const nameOf = new Map(rows.map((r) => [r.extId, r.extName]))

  const outline = readGeoJson(OUTLINE_FILE).features[0]
  if (!outline) throw new Error(`${OUTLINE_FILE} has no feature.`)
  const city = unit(CITY_CODE, null, 'city', nameOf.get(CITY_CODE) ?? '南通市', '市', outline)

  const seats: Record<string, Position> = {}
  const counties = readGeoJson(DISTRICTS_FILE).features.map((f) => {
    const adcode = String(f.properties?.adcode)
    const code = `${CODE_RENAMES[adcode] ?? adcode}000000`
    const name = nameOf.get(code)
    const kind = COUNTY_KIND[code.slice(0, 6)]
    if (!name || !kind) throw new Error(`District ${adcode} is not in ${TOWNS_FILE}.`)
    const center = f.properties?.center as Position | undefined
    if (!center) throw new Error(`District ${adcode} has no center property.`)
    seats[code] = positionToWgs84(center, 'GCJ02')
    return unit(code, CITY_CODE, 'county', name, kind, f)
  }).sort((a, b) => a.code.localeCompare(b.code))

  const towns = rows.filter((r) => r.deep === '3').map((r): RealTown => {
    const kind = r.extName.endsWith('街道') ? '街道' : r.extName.endsWith('乡') ? '乡' : '镇'
    return {
      code: r.extId,
      countyCode: `${r.pid}000000`,
      name: r.extName,
      shortName: r.extName.slice(0, r.extName.length - kind.length) || r.extName,
      kind,
      urban: kind === '街道',
    }
  }).sort((a, b) => a.code.localeCompare(b.code))

  // A county is urban when all of it is streets (崇川区); the city as a whole is not.
  for (const c of counties) c.urban = towns.every((t) => t.countyCode !== c.code || t.urban)
  return { city, counties, seats, towns }
}

function unit(
  code: string, parentCode: string | null, level: 'city' | 'county', name: string, kind: string,
  feature: Feature,
): AdminUnitRow {
  // Densified so that towns cut from it add up to it under great-circle measures too.
  const geom = densifyMultiPolygon(cleanMultiPolygon(toWgs84(asMultiPolygon(feature), 'GCJ02')), MAX_EDGE_M)
  return { code, parentCode, level, name, kind, synthetic: false, urban: false, geom }
}

function asMultiPolygon(f: Feature): MultiPolygon {
  const g = f.geometry
  if (g.type === 'MultiPolygon') return g
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [(g as Polygon).coordinates] }
  throw new Error(`Expected a (Multi)Polygon boundary, got ${g.type}.`)
}

// The sources are valid as published; this zero-area cleanup only guards against repeated
// vertices (which some validators reject) and unclosed rings, without moving any vertex, and
// winds rings the RFC 7946 way (outer counter-clockwise), as every generated ring is.
function cleanMultiPolygon(g: MultiPolygon): MultiPolygon {
  const ring = (r: Position[], k: number): Position[] => {
    const out = r.filter((p, i) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1])
    const [first, last] = [out[0], out[out.length - 1]]
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]])
    if (out.length < 4) throw new Error('A boundary ring has fewer than 3 distinct vertices.')
    let area = 0
    for (let i = 0; i + 1 < out.length; i++) area += out[i][0] * out[i + 1][1] - out[i + 1][0] * out[i][1]
    return (area > 0) === (k === 0) ? out : out.reverse()
  }
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) }
}

function readGeoJson(file: string): FeatureCollection {
  return JSON.parse(readFileSync(new URL(file, SOURCES), 'utf8')) as FeatureCollection
}

// The CSV has no quoted commas, so a plain split is enough.
function readTownsCsv(): CsvRow[] {
  const [header, ...lines] = readFileSync(new URL(TOWNS_FILE, SOURCES), 'utf8').trim().split(/\r?\n/)
  const cols = header.split(',')
  const at = (name: string): number => {
    const i = cols.indexOf(name)
    if (i < 0) throw new Error(`${TOWNS_FILE} has no "${name}" column.`)
    return i
  }
  const [id, pid, deep, extId, extName] = ['id', 'pid', 'deep', 'ext_id', 'ext_name'].map(at)
  return lines.map((line) => {
    const f = line.split(',').map((v) => v.replace(/^"|"$/g, ''))
    return { id: f[id], pid: f[pid], deep: f[deep], extId: f[extId], extName: f[extName] }
  })
}
