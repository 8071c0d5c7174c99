import { booleanPointInPolygon, booleanValid } from '@turf/turf'
import { beforeAll, describe, expect, it } from 'vitest'
import { planarArea } from './partition-polygon.ts'
import { synthesizeGeography } from './synthesize-geography.ts'
import type { AdminUnitRow, GridRow, SyntheticGeography } from './synthetic-city.ts'
import { areaOutside, edgeMismatch, gapArea, invalidity, worstOverlap } from './tiling-checks.fixture.ts'

const SCALE = Number(process.env.GEO_SCALE ?? 0.1) // a tenth of the city keeps the suite fast
const SEED = Number(process.env.GEO_SEED ?? 42) // GEO_SEED=n reruns the invariants on another layout
const NOW = new Date('2025-01-01T00:00:00Z')
const MAX_GAP_M2 = 1          // union of children vs parent, absolute
const MAX_OVERLAP_M2 = 0.01   // between any two siblings

function byParent<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row])
  return out
}

let geo: SyntheticGeography
let level: (l: AdminUnitRow['level']) => AdminUnitRow[]
let basic: GridRow[]
let exclusive: GridRow[]

beforeAll(() => {
  geo = synthesizeGeography({ seed: SEED, scale: SCALE, now: NOW })
  level = (l) => geo.adminUnits.filter((u) => u.level === l)
  basic = geo.grids.filter((g) => g.kind === 'basic')
  exclusive = geo.grids.filter((g) => g.kind === 'exclusive')
}, 60_000)

describe(`synthesizeGeography at scale ${SCALE}`, () => {
  it('keeps the real city, 7 districts and 100 towns and scales the rest', () => {
    expect(level('city')).toHaveLength(1)
    expect(level('county')).toHaveLength(7)
    expect(level('town')).toHaveLength(100)
    expect(level('village')).toHaveLength(Math.round(1916 * SCALE))
    expect(basic).toHaveLength(Math.round(10_719 * SCALE))
    expect(exclusive).toHaveLength(Math.round(4571 * SCALE))
    expect(geo.stations).toHaveLength(100 + Math.round(10 * SCALE))
  })

  it('marks only the levels below district as synthetic', () => {
    for (const u of geo.adminUnits) expect(u.synthetic).toBe(u.level === 'town' || u.level === 'village')
  })

  it('produces only valid polygons', () => {
    const all = [...geo.adminUnits, ...geo.grids, ...geo.stations]
    const bad = all.map((r) => [r.code, invalidity(r.geom)]).filter(([, why]) => why)
    expect(bad).toEqual([])
    // turf's own validator is quadratic per ring, so it sees the small polygons only.
    for (const g of exclusive) expect(booleanValid(g.geom), g.code).toBe(true)
  })

  it('gives every piece one polygon unless it holds part of an offshore island', () => {
    const parts = new Map(geo.adminUnits.map((u) => [u.code, u.geom.coordinates.length]))
    for (const u of [...level('town'), ...level('village')]) {
      expect(u.geom.coordinates.length, u.code).toBeLessThanOrEqual(parts.get(u.parentCode!)!)
    }
    for (const g of basic) expect(g.geom.coordinates.length, g.code).toBeLessThanOrEqual(parts.get(g.villageCode)!)
    expect(level('county').filter((c) => c.geom.coordinates.length > 1).map((c) => c.name)).toEqual(['如东县'])
  })

  // Tiling is proven exactly on edges (tiling-checks.fixture.ts); grids also get the
  // area checks with polyclip-ts: union vs village, and every pair of siblings.
  it('tiles every county with its towns', () => {
    const towns = byParent(level('town'), (t) => t.parentCode!)
    for (const county of level('county')) {
      expect(edgeMismatch(county.geom, towns.get(county.code)!.map((t) => t.geom)), county.name).toEqual([])
    }
  })

  it('tiles every town with its villages', () => {
    const villages = byParent(level('village'), (v) => v.parentCode!)
    for (const town of level('town')) {
      expect(edgeMismatch(town.geom, villages.get(town.code)!.map((v) => v.geom)), town.name).toEqual([])
    }
  })

  it('tiles every village with its basic grids', () => {
    const grids = byParent(basic, (g) => g.villageCode)
    for (const village of level('village')) {
      const children = (grids.get(village.code) ?? []).map((g) => g.geom)
      expect(children.length, village.code).toBeGreaterThan(0)
      expect(edgeMismatch(village.geom, children), village.code).toEqual([])
      expect(gapArea(village.geom, children), village.code).toBeLessThan(MAX_GAP_M2)
      expect(worstOverlap(children), village.code).toBeLessThan(MAX_OVERLAP_M2)
    }
  })

  it('keeps each exclusive grid inside its own village and county', () => {
    const units = new Map(geo.adminUnits.map((u) => [u.code, u]))
    for (const g of exclusive) {
      const village = units.get(g.villageCode)!
      const county = units.get(g.countyCode)!
      expect(units.get(village.parentCode!)!.parentCode, g.code).toBe(county.code)
      expect(areaOutside(g.geom, village.geom), g.code).toBeLessThan(MAX_OVERLAP_M2)
      // Every corner inside the county; with the village inside its county (tiling) that is enough.
      expect(g.geom.coordinates[0][0].every((p) => booleanPointInPolygon(p, county.geom)), g.code).toBe(true)
    }
  })

  it('keeps the exclusive grids of one village apart from each other', () => {
    for (const [code, gs] of byParent(exclusive, (g) => g.villageCode)) {
      expect(worstOverlap(gs.map((g) => g.geom)), code).toBeLessThan(MAX_OVERLAP_M2)
    }
  })

  it('puts more exclusive grids in urban communities than in rural villages', () => {
    const urban = new Set(level('village').filter((v) => v.urban).map((v) => v.code))
    const perUrban = exclusive.filter((g) => urban.has(g.villageCode)).length / urban.size
    const perRural = exclusive.filter((g) => !urban.has(g.villageCode)).length / (level('village').length - urban.size)
    expect(perUrban).toBeGreaterThan(perRural)
  })

  it('tiles the city with police stations made of whole villages', () => {
    const seen = geo.stations.flatMap((s) => s.villageCodes)
    expect(seen.slice().sort()).toEqual(level('village').map((v) => v.code).sort())
    const villages = new Map(level('village').map((v) => [v.code, v.geom]))
    const towns = level('town')
    for (const s of geo.stations) {
      expect(edgeMismatch(s.geom, s.villageCodes.map((c) => villages.get(c)!)), s.code).toEqual([])
      expect(booleanPointInPolygon(s.addressPoint, s.geom), s.code).toBe(true)
      const town = towns.find((t) => t.code.slice(0, 9) === s.villageCodes[0].slice(0, 9))!
      expect(s.villageCodes.every((c) => c.startsWith(town.code.slice(0, 9))), s.code).toBe(true)
      expect(s.address.startsWith(town.name), s.code).toBe(true)
    }
  })

  it('makes urban streets and communities smaller than rural towns and villages', () => {
    const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const area = (units: AdminUnitRow[], urban: boolean): number =>
      median(units.filter((u) => u.urban === urban).map((u) => planarArea(u.geom)))
    expect(area(level('town'), true)).toBeLessThan(area(level('town'), false) / 2)
    expect(area(level('village'), true)).toBeLessThan(area(level('village'), false))
  })

  it('sizes urban grids at about 300–500 households and rural ones larger', () => {
    const urban = new Set(level('village').filter((v) => v.urban).map((v) => v.code))
    const mean = (gs: GridRow[]): number => gs.reduce((s, g) => s + g.households, 0) / gs.length
    const urbanMean = mean(basic.filter((g) => urban.has(g.villageCode)))
    expect(urbanMean).toBeGreaterThan(300)
    expect(urbanMean).toBeLessThan(500)
    expect(mean(basic.filter((g) => !urban.has(g.villageCode)))).toBeGreaterThan(urbanMean)
    for (const g of basic) {
      expect(g.population / g.households).toBeGreaterThanOrEqual(2.39)
      expect(g.population / g.households).toBeLessThanOrEqual(2.91)
    }
  })

  it('uses unique codes in the documented formats', () => {
    const codes = [...geo.adminUnits, ...geo.grids, ...geo.stations].map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const u of geo.adminUnits) expect(u.code).toMatch(/^\d{12}$/)
    for (const v of level('village')) {
      const seq = Number(v.code.slice(9))
      const [lo, hi] = v.kind === '社区' ? [1, 199] : [200, 399] // 居委会 vs 村委会 practice
      expect(seq >= lo && seq <= hi, v.code).toBe(true)
      expect(v.code.slice(0, 9)).toBe(v.parentCode!.slice(0, 9))
    }
    for (const g of basic) expect(g.code).toMatch(new RegExp(`^${g.villageCode}\\d{3}$`))
    for (const g of exclusive) expect(g.code).toMatch(new RegExp(`^${g.villageCode}Z\\d{3}$`))
    for (const s of geo.stations) expect(s.code).toMatch(new RegExp(`^${s.countyCode.slice(0, 6)}51\\d{2}00$`))
  })

  it('names villages uniquely within their town, with 社区/村 matching the kind', () => {
    for (const [, vs] of byParent(level('village'), (v) => v.parentCode!)) {
      expect(new Set(vs.map((v) => v.name)).size).toBe(vs.length)
      for (const v of vs) expect(v.name.endsWith(v.kind)).toBe(true)
    }
    for (const t of level('town')) expect(t.kind).toBe(t.name.endsWith('街道') ? '街道' : '镇')
  })

  it('gives identical output for the same seed and different output for another', () => {
    const again = synthesizeGeography({ seed: SEED, scale: SCALE, now: NOW })
    expect(JSON.stringify(again) === JSON.stringify(geo)).toBe(true)
    const other = synthesizeGeography({ seed: SEED + 1, scale: SCALE, now: NOW })
    expect(JSON.stringify(other.grids) === JSON.stringify(geo.grids)).toBe(false)
  }, 60_000)
})

describe('synthesizeGeography at scale 1', () => {
  it('reproduces the real counts of Nantong', () => {
    const full = synthesizeGeography({ seed: SEED, scale: 1, now: NOW })
    const count = (l: string): number => full.adminUnits.filter((u) => u.level === l).length
    expect([count('city'), count('county'), count('town'), count('village')]).toEqual([1, 7, 100, 1916])
    expect(full.grids.filter((g) => g.kind === 'basic')).toHaveLength(10_719)
    expect(full.grids.filter((g) => g.kind === 'exclusive')).toHaveLength(4571)
    expect(full.stations.length).toBe(110)
  }, 120_000)
})
