import { booleanPointInPolygon, distance } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { CLOSED_STATUSES, ROUTED_STATUSES } from './incident-lifecycle.ts'
import { beijingClock, windowStart } from './incident-rhythm.ts'
import { allowedValues } from './schema-checks.fixture.ts'
import { lifecycleCounts, synthesizeIncidents, type IncidentRow } from './synthesize-incidents.ts'
import { categoryByCode } from './taxonomy.ts'
import { countsCity, tinyCity } from './tiny-city.fixture.ts'

const NOW = new Date('2025-06-30T16:00:00Z')  // midnight, 1 July, Beijing time
const DAY_MS = 86_400_000
const geo = tinyCity()
let cached: IncidentRow[] | undefined
const full = () => (cached ??= synthesizeIncidents(geo, geo.stations, { seed: 11, scale: 1, now: NOW }))
const countWhere = (rows: IncidentRow[], f: (r: IncidentRow) => boolean) => rows.reduce((n, r) => n + (f(r) ? 1 : 0), 0)

describe('lifecycleCounts', () => {
  it('has the source city totals at scale 1: 49,743 routed and 42,281 closed of 50,600', () => {
    const c = lifecycleCounts(1)
    expect([c.total, c.routed, c.closed]).toEqual([50_600, 49_743, 42_281])
    expect(c.byStatus.closed + c.byStatus.evaluated).toBe(42_281)
    expect(ROUTED_STATUSES.reduce((n, s) => n + c.byStatus[s], 0)).toBe(49_743)
  })

  it('splits every scale into non-negative status counts that add up', () => {
    for (const scale of [0.001, 0.01, 0.1, 0.37, 1, 2.5]) {
      const c = lifecycleCounts(scale)
      expect([c.total, c.routed, c.closed]).toEqual([50_600, 49_743, 42_281].map(n => Math.round(n * scale)))
      expect(Object.values(c.byStatus).reduce((a, b) => a + b, 0)).toBe(c.total)
      for (const n of Object.values(c.byStatus)) expect(n).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('synthesizeIncidents', () => {
  it('makes exactly 50,600 incidents at scale 1, 49,743 routed and 42,281 closed', () => {
    const rows = full()
    expect(rows).toHaveLength(50_600)
    expect(countWhere(rows, r => ROUTED_STATUSES.includes(r.status))).toBe(49_743)
    expect(countWhere(rows, r => CLOSED_STATUSES.includes(r.status))).toBe(42_281)
    expect(new Set(rows.map(r => r.id)).size).toBe(50_600)
  })

  it('puts every point inside its basic grid, and its exclusive grids, with matching codes', () => {
    const grids = new Map(geo.grids.map(g => [g.code, g]))
    const villageStation = new Map(geo.stations.flatMap(s => s.villageCodes.map(v => [v, s.code])))
    const bad = full().filter(r => {
      const g = grids.get(r.gridCode)
      return !g || g.kind !== 'basic' || !booleanPointInPolygon(r.location, g.geom) || g.villageCode !== r.villageCode
        || r.townCode !== r.villageCode.slice(0, 9) + '000' || r.countyCode !== r.villageCode.slice(0, 6) + '000000'
        || r.stationCode !== villageStation.get(r.villageCode)
        || r.exclusiveGridCodes.some(c => !booleanPointInPolygon(r.location, grids.get(c)!.geom))
    })
    expect(bad).toEqual([])
  })

  it('reports within the nine months before now, sorted by time', () => {
    const rows = full()
    const start = windowStart(NOW).getTime()
    expect(countWhere(rows, r => r.reportedAt.getTime() < start || r.reportedAt >= NOW)).toBe(0)
    expect(rows.slice(1).filter((r, i) => r.reportedAt < rows[i].reportedAt)).toEqual([])
  })

  it('has a daily rhythm: far more at 10:00 than at 03:00 Beijing time', () => {
    const byHour = new Array(24).fill(0)
    for (const r of full()) byHour[beijingClock(r.reportedAt.getTime()).hour]++
    expect(byHour[10]).toBeGreaterThan(10 * byHour[3])
    expect(byHour[15]).toBeGreaterThan(byHour[12])
  })

  it('has a weekly rhythm: fewer reports per weekend day than per weekday', () => {
    const days = new Map<number, number>()  // weekday → distinct days seen
    const perWeekday = new Array(7).fill(0)
    for (let t = windowStart(NOW).getTime(); t < NOW.getTime(); t += DAY_MS) {
      const w = beijingClock(t).weekday
      days.set(w, (days.get(w) ?? 0) + 1)
    }
    for (const r of full()) perWeekday[beijingClock(r.reportedAt.getTime()).weekday]++
    const rate = (ws: number[]) => ws.reduce((n, w) => n + perWeekday[w], 0) / ws.reduce((n, w) => n + days.get(w)!, 0)
    expect(rate([0, 6])).toBeLessThan(0.75 * rate([1, 2, 3, 4, 5]))
  })

  it('grows gently: the last month has more reports than the first', () => {
    const rows = full()
    const start = windowStart(NOW).getTime()
    const first = countWhere(rows, r => r.reportedAt.getTime() < start + 30 * DAY_MS)
    const last = countWhere(rows, r => r.reportedAt.getTime() >= NOW.getTime() - 30 * DAY_MS)
    expect(last).toBeGreaterThan(first * 1.1)
    expect(last).toBeLessThan(first * 1.6)
  })

  it('closes the older incidents and leaves the newest open', () => {
    const rows = full()
    const meanAge = (statuses: string[]) => {
      const xs = rows.filter(r => statuses.includes(r.status))
      return xs.reduce((n, r) => n + (NOW.getTime() - r.reportedAt.getTime()), 0) / xs.length / DAY_MS
    }
    const closed = meanAge(['closed', 'evaluated'])
    const inProgress = meanAge(['dispatched', 'signed', 'handled', 'verified'])
    const waiting = meanAge(['reported', 'accepted'])
    expect(closed).toBeGreaterThan(2 * inProgress)
    expect(inProgress).toBeGreaterThan(waiting)
  })

  it('closes before now, mostly before the due time, and rates mostly 4 or 5', () => {
    const rows = full()
    const closed = rows.filter(r => CLOSED_STATUSES.includes(r.status))
    expect(countWhere(rows, r => (r.closedAt !== null) !== CLOSED_STATUSES.includes(r.status))).toBe(0)
    expect(countWhere(closed, r => r.closedAt! <= r.reportedAt || r.closedAt! > NOW)).toBe(0)
    const onTime = countWhere(closed, r => r.closedAt! <= r.dueAt) / closed.length
    expect(onTime).toBeGreaterThan(0.8)
    expect(onTime).toBeLessThan(0.98)
    const rated = rows.filter(r => r.satisfaction !== null)
    expect(rated.every(r => r.status === 'evaluated')).toBe(true)
    expect(rated).toHaveLength(countWhere(rows, r => r.status === 'evaluated'))
    expect(countWhere(rated, r => r.satisfaction! >= 4) / rated.length).toBeGreaterThan(0.75)
  })

  it('self-resolves only closed, self-resolvable incidents, at village level', () => {
    const rows = full()
    const self = rows.filter(r => r.selfResolved)
    expect(self.length).toBeGreaterThan(1_000)
    expect(self.filter(r => !CLOSED_STATUSES.includes(r.status) || r.handlingLevel !== 'village'
      || !categoryByCode(r.categoryCode).selfResolvable)).toEqual([])
    expect(countWhere(rows, r => r.handlingLevel === 'village' && !r.selfResolved)).toBe(0)
    expect(countWhere(rows, r => r.handlingLevel === 'county' || r.handlingLevel === 'city')).toBeGreaterThan(0)
  })

  it('gives every incident the step times of its status, in order, between its report and now', () => {
    const steps = ['reviewedAt', 'dispatchedAt', 'signedAt', 'handledAt', 'verifiedAt'] as const
    const reached: Record<string, number> = { reported: 0, accepted: 1, rejected: 1, merged: 1, dispatched: 2, shelved: 3,
      signed: 3, handled: 4, verified: 5, closed: 5, evaluated: 5 }
    const bad = full().filter(r => {
      const times = steps.map(k => r[k])
      const expected = r.selfResolved ? [false, false, false, true, true] : steps.map((_, i) => i < reached[r.status])
      if (times.some((t, i) => (t !== null) !== expected[i])) return true
      const set = times.filter((t): t is Date => t !== null).map(t => t.getTime())
      if (set.some((t, i) => t < r.reportedAt.getTime() || t > NOW.getTime() || (i > 0 && t < set[i - 1]))) return true
      if (r.closedAt && r.verifiedAt?.getTime() !== r.closedAt.getTime()) return true
      return (r.evaluatedAt !== null) !== (r.status === 'evaluated') || (r.evaluatedAt !== null && (r.evaluatedAt < r.closedAt! || r.evaluatedAt > NOW))
    })
    expect(bad).toEqual([])
  })

  it('sets a step deadline on the open incidents only, after their report', () => {
    const open = ['reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified']
    expect(full().filter(r => (r.stepDueAt !== null) !== open.includes(r.status) || (r.stepDueAt !== null && r.stepDueAt <= r.reportedAt))).toEqual([])
  })

  it('has some rework, returns, extensions and escalations, on routed incidents, escalations only when late', () => {
    const rows = full()
    const routed = rows.filter(r => ROUTED_STATUSES.includes(r.status) && !r.selfResolved)
    for (const [k, lo, hi] of [['reworkCount', 0.04, 0.09], ['returnCount', 0.025, 0.055], ['extensionCount', 0.035, 0.065]] as const) {
      expect(countWhere(rows, r => r[k] > 0 && !routed.includes(r)), k).toBe(0)
      const share = countWhere(routed, r => r[k] > 0) / routed.length
      expect(share, k).toBeGreaterThan(lo)
      expect(share, k).toBeLessThan(hi)
    }
    expect(countWhere(rows, r => r.reworkCount === 2)).toBeGreaterThan(0)
    const late = (r: IncidentRow) => (r.closedAt ?? NOW) > r.dueAt && r.status !== 'shelved'
    expect(countWhere(rows, r => r.escalationCount > 0 && !(late(r) && routed.includes(r)))).toBe(0)
    expect(countWhere(routed, r => late(r) && r.escalationCount === 0)).toBe(0)
    expect(countWhere(rows, r => r.escalationCount === 2)).toBeGreaterThan(0)
  })

  it('routes to the category department and dues by its time limit', () => {
    const bad = full().filter(r => r.departmentCode !== categoryByCode(r.categoryCode).departmentCode
      || r.dueAt.getTime() - r.reportedAt.getTime() < 3_600_000)
    expect(bad).toEqual([])
  })

  it('merges duplicates into an earlier live report of the same category close by', () => {
    const rows = full()
    const byId = new Map(rows.map((r, i) => [r.id, { r, i }]))
    const merged = rows.filter(r => r.status === 'merged')
    expect(merged.length).toBeGreaterThan(0)
    expect(countWhere(rows, r => (r.mergedInto !== null) !== (r.status === 'merged'))).toBe(0)
    for (const [i, r] of rows.entries()) {
      if (r.status !== 'merged') continue
      const target = byId.get(r.mergedInto!)!
      expect(target.i).toBeLessThan(i)
      expect(['merged', 'rejected']).not.toContain(target.r.status)
      expect(target.r.categoryCode).toBe(r.categoryCode)
      expect(target.r.gridCode).toBe(r.gridCode)
      expect(distance(target.r.location, r.location, { units: 'meters' }))
        .toBeLessThanOrEqual(Math.max(10, categoryByCode(r.categoryCode).duplicateRadiusM))
    }
  })

  it('places school-safety reports mostly inside the school grid', () => {
    const school = geo.grids.find(g => g.exclusiveType === 'school')!.code
    const schoolSafety = full().filter(r => r.categoryCode.startsWith('15'))
    expect(countWhere(schoolSafety, r => r.exclusiveGridCodes.includes(school)) / schoolSafety.length).toBeGreaterThan(0.5)
  })

  it('clusters around hot spots: the busiest 5% of grids take far more than 5% of reports', () => {
    const city = countsCity()
    const rows = synthesizeIncidents(city, city.stations, { seed: 3, scale: 1, now: NOW })
    const perGrid = new Map<string, number>()
    for (const r of rows) perGrid.set(r.gridCode, (perGrid.get(r.gridCode) ?? 0) + 1)
    const counts = [...perGrid.values()].sort((a, b) => b - a)
    const top = counts.slice(0, Math.round(city.grids.length * 0.05)).reduce((a, b) => a + b, 0)
    expect(top / rows.length).toBeGreaterThan(0.25)
  })

  it('fits the CHECK constraints of the incident table', () => {
    const sources = allowedValues('incident', 'source')
    const statuses = allowedValues('incident', 'status')
    const levels = allowedValues('incident', 'handling_level')
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const bad = full().filter(r => !sources.includes(r.source) || !statuses.includes(r.status)
      || (r.handlingLevel !== null && !levels.includes(r.handlingLevel)) || !uuid.test(r.id)
      || (r.satisfaction !== null && !(Number.isInteger(r.satisfaction) && r.satisfaction >= 1 && r.satisfaction <= 5))
      || !/^\d{12}$/.test(r.villageCode) || r.description === '' || !r.address.startsWith('南通市'))
    expect(bad).toEqual([])
  })

  it('gives the same incidents for the same seed and different ones for another', () => {
    const opts = { seed: 5, scale: 0.05, now: NOW }
    const a = synthesizeIncidents(geo, geo.stations, opts)
    expect(synthesizeIncidents(geo, geo.stations, opts)).toEqual(a)
    expect(synthesizeIncidents(geo, geo.stations, { ...opts, seed: 6 })[0].id).not.toBe(a[0].id)
  })
})
