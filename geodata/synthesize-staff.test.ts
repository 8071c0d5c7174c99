import { describe, expect, it } from 'vitest'
import { allowedValues } from './schema-checks.fixture.ts'
import { synthesizeStaff } from './synthesize-staff.ts'
import { countsCity, tinyCity } from './tiny-city.fixture.ts'

const NOW = new Date('2025-06-30T16:00:00Z')

function countRoles(rows: { role: string }[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) out[r.role] = (out[r.role] ?? 0) + 1
  return out
}

describe('synthesizeStaff', () => {
  it('has the source city counts at scale 1', () => {
    const geo = countsCity()
    const { staff, terminals } = synthesizeStaff(geo, geo.stations, { seed: 1, scale: 1, now: NOW })
    expect(countRoles(staff)).toEqual({
      grid_head: 10_719, grid_worker_fulltime: 3_057, grid_worker_parttime: 54_629,
      village_admin: 1_916, community_officer: 1_916,
    })
    expect(terminals).toHaveLength(12_551)
  })

  it('issues terminals to grid heads first, then full-time workers', () => {
    const geo = countsCity()
    const { staff, terminals } = synthesizeStaff(geo, geo.stations, { seed: 1, scale: 1, now: NOW })
    const roles = countRoles(terminals.map(t => staff[t.staffIndex]))
    expect(roles).toEqual({ grid_head: 10_719, grid_worker_fulltime: 12_551 - 10_719 })
    expect(new Set(terminals.map(t => t.serial)).size).toBe(terminals.length)
  })

  it('follows the geography for per-grid and per-village roles and scales the rest', () => {
    const geo = tinyCity()
    const { staff, terminals } = synthesizeStaff(geo, geo.stations, { seed: 2, scale: 0.01, now: NOW })
    expect(countRoles(staff)).toEqual({
      grid_head: 12, grid_worker_fulltime: 31, grid_worker_parttime: 546, village_admin: 6, community_officer: 6,
    })
    expect(terminals).toHaveLength(126)
  })

  it('puts full-time workers in urban communities and every part-time worker in a basic grid', () => {
    const geo = tinyCity()
    const urban = new Set(geo.adminUnits.filter(a => a.level === 'village' && a.urban).map(a => a.code))
    const basic = new Map(geo.grids.filter(g => g.kind === 'basic').map(g => [g.code, g]))
    const { staff } = synthesizeStaff(geo, geo.stations, { seed: 3, scale: 0.05, now: NOW })
    for (const s of staff) {
      if (s.role === 'grid_worker_fulltime') expect(urban.has(s.villageCode)).toBe(true)
      if (s.role.startsWith('grid_')) expect(basic.get(s.gridCode!)?.villageCode).toBe(s.villageCode)
      else expect(s.gridCode).toBeNull()
    }
    const perGrid = countRoles(staff.filter(s => s.role === 'grid_worker_parttime').map(s => ({ role: s.gridCode! })))
    expect(Object.keys(perGrid)).toHaveLength(12)
  })

  it('links every village to the station whose jurisdiction holds it', () => {
    const geo = tinyCity()
    const { staff } = synthesizeStaff(geo, geo.stations, { seed: 4, scale: 0.01, now: NOW })
    for (const s of staff) {
      const station = geo.stations.find(x => x.code === s.stationCode)!
      expect(station.villageCodes).toContain(s.villageCode)
    }
    expect(staff.filter(s => s.role === 'community_officer').map(s => s.stationCode).sort())
      .toEqual(['320612P01', '320612P01', '320613P01', '320613P01', '320613P01', '320613P01'])
  })

  it('gives Chinese names and distinct 11-digit mobile numbers and fits the staff CHECKs', () => {
    const geo = countsCity()
    const { staff } = synthesizeStaff(geo, geo.stations, { seed: 5, scale: 1, now: NOW })
    const roles = allowedValues('staff', 'role')
    const bad = staff.filter(s => !roles.includes(s.role) || !/^[\u4e00-\u9fff]{2,3}$/.test(s.name)
      || !/^1[358]\d{9}$/.test(s.phone))
    expect(bad).toEqual([])
    expect(new Set(staff.map(s => s.phone)).size).toBe(staff.length)
  })

  it('gives the same output for the same seed and different output for another', () => {
    const geo = tinyCity()
    const opts = { seed: 7, scale: 0.02, now: NOW }
    expect(synthesizeStaff(geo, geo.stations, opts)).toEqual(synthesizeStaff(geo, geo.stations, opts))
    expect(synthesizeStaff(geo, geo.stations, { ...opts, seed: 8 }).staff[0])
      .not.toEqual(synthesizeStaff(geo, geo.stations, opts).staff[0])
  })
})
