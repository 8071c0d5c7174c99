import { booleanPointInPolygon, distance } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { allowedValues } from './schema-checks.fixture.ts'
import { synthesizeUnits } from './synthesize-units.ts'
import { tinyCity } from './tiny-city.fixture.ts'

const NOW = new Date('2025-06-30T16:00:00Z')
const STEP_MS = 5 * 60_000
const geo = tinyCity()
const { units } = synthesizeUnits(geo, geo.stations, { seed: 9, scale: 1, now: NOW })

describe('synthesizeUnits', () => {
  it('makes round(300 × scale) units, at least one per station', () => {
    expect(units).toHaveLength(300)
    for (const s of geo.stations) expect(units.filter(u => u.stationCode === s.code).length).toBeGreaterThan(0)
    expect(synthesizeUnits(geo, geo.stations, { seed: 9, scale: 0.02, now: NOW }).units).toHaveLength(6)
    // Below one per station, every station still gets one.
    expect(synthesizeUnits(geo, geo.stations, { seed: 9, scale: 0.001, now: NOW }).units).toHaveLength(2)
  })

  it('shares units by jurisdiction size', () => {
    const per = (code: string) => units.filter(u => u.stationCode === code).length
    expect(per('320613P01')).toBe(200)  // four villages of six
    expect(per('320612P01')).toBe(100)
  })

  it('names units after their station and gives unique codes', () => {
    expect(new Set(units.map(u => u.code)).size).toBe(units.length)
    for (const u of units) {
      const station = geo.stations.find(s => s.code === u.stationCode)!
      expect(u.code).toMatch(new RegExp(`^${station.code}-\\d{2,}$`))
      expect(u.name).toMatch(new RegExp(`^${station.name}巡逻\\d+组$`))
    }
  })

  it('keeps every track inside its station jurisdiction', () => {
    const outside = units.flatMap(u => {
      const station = geo.stations.find(s => s.code === u.stationCode)!
      return u.positions.filter(p => !booleanPointInPolygon(p.location, station.geom)).map(p => [u.code, p.at])
    })
    expect(outside).toEqual([])
  })

  it('reports every five minutes over the last day and ends on the unit position', () => {
    for (const u of units) {
      const last = u.positions[u.positions.length - 1]
      expect(u.position).toEqual(last.location)
      expect(u.positionAt).toEqual(last.at)
      expect(u.positions[0].at.getTime()).toBe(NOW.getTime() - 24 * 3_600_000 + STEP_MS)
      const gaps = u.positions.slice(1).filter((p, i) => p.at.getTime() - u.positions[i].at.getTime() !== STEP_MS)
      expect(gaps).toEqual([])
      if (u.status === 'offline') expect(u.positions.length).toBeLessThan(288)
      else expect(u.positions).toHaveLength(288)
    }
  })

  it('moves at the pace of its kind and stops now and then', () => {
    const fastest = { foot: 8, bicycle: 25, motorcycle: 50, car: 70 }  // km/h, with slack for the spread
    for (const u of units) {
      const moves = u.positions.slice(1).map((p, i) => distance(u.positions[i].location, p.location, { units: 'kilometers' }) * 12)
      expect(Math.max(...moves)).toBeLessThanOrEqual(fastest[u.kind])
      expect(u.positions.some(p => p.speed === 0)).toBe(true)
      const claimed = u.positions.slice(1).map(p => p.speed)
      expect(claimed.every((v, i) => Math.abs(v - moves[i]) < 0.2)).toBe(true)
      expect(moves.filter(v => v > 0.1).length).toBeGreaterThan(u.positions.length / 3)
    }
  })

  it('fits the CHECK constraints of the unit table', () => {
    const kinds = allowedValues('unit', 'kind')
    const statuses = allowedValues('unit', 'status')
    for (const u of units) {
      expect(kinds).toContain(u.kind)
      expect(statuses).toContain(u.status)
      expect(u.positions.every(p => p.heading >= 0 && p.heading < 360 && p.speed >= 0)).toBe(true)
    }
    expect(new Set(units.map(u => u.kind))).toEqual(new Set(kinds))
  })

  it('gives the same units for the same seed and different ones for another', () => {
    const opts = { seed: 4, scale: 0.1, now: NOW }
    const a = synthesizeUnits(geo, geo.stations, opts)
    expect(synthesizeUnits(geo, geo.stations, opts)).toEqual(a)
    expect(synthesizeUnits(geo, geo.stations, { ...opts, seed: 5 }).units[0].positions[5])
      .not.toEqual(a.units[0].positions[5])
  })
})
