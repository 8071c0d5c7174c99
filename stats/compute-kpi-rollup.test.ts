// The rollup path (kpi_daily and the partial indexes) gives the very numbers of the raw scan, for
// each jurisdiction it serves, whole and partial days, filters, and after the incidents change
// (the triggers keep kpi_daily in step with inserts, updates and deletes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../api/test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { jurisdictionOf, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { computeKpi, type KpiRequest } from './compute-kpi.ts'
import { rollupFits } from './compute-kpi-rollup.ts'
import { CITY, TONGZHOU } from './kpi.fixture.ts'

const FIXTURE = sqlFile(import.meta.url, 'kpi-fixture.sql')
const user = (scopeKind: 'all' | 'admin_unit' | 'department', scopeCodes: string[]) =>
  jurisdictionOf({ id: 1, username: 'x', displayName: 'x', role: 'admin', scopeKind, scopeCodes })
const JURISDICTIONS: [string, Jurisdiction][] = [
  ['the city', user('all', [])], ['a county', user('admin_unit', ['320612000000'])], ['a department', user('department', ['citymgmt'])],
]
const t = (s: string) => new Date(s)
const PERIODS: [string, Partial<KpiRequest>][] = [
  ['June in whole days', { from: t('2026-06-01T00:00:00+08:00'), to: t('2026-07-01T00:00:00+08:00') }],
  ['partial days at both ends', { from: t('2026-06-01T12:00:00+08:00'), to: t('2026-06-20T10:00:00+08:00'), asOf: t('2026-06-20T10:00:00+08:00') }],
  ['since the first report', { from: null, to: t('2026-06-30T23:45:00+08:00') }],
  ['within one day', { from: t('2026-06-20T08:00:00+08:00'), to: t('2026-06-20T12:00:00+08:00') }],
  ['to a county', { area: '320623000000' }],
  ['to the city and a department', { area: '320600000000', department: 'police110' }],
]
const JUNE: KpiRequest = { from: t('2026-06-01T00:00:00+08:00'), to: t('2026-07-01T00:00:00+08:00'), asOf: t('2026-07-01T00:00:00+08:00'), groupBy: 'county', area: null, department: null }

describe.each(TEST_ENGINES)('the KPI rollup on %s', (kind) => {
  let app: TestApp
  const both = async (j: Jurisdiction, req: KpiRequest) => [await computeKpi(app.db, j, req), await computeKpi(app.db, j, req, 'raw')]

  beforeAll(async () => {
    app = await openTestApp(kind)
    await app.db.exec(FIXTURE)
  })
  afterAll(() => app?.close())

  it('answers the county grouping for city, county and department jurisdictions only', () => {
    for (const [, j] of JURISDICTIONS) expect(rollupFits(j, JUNE)).toBe(true)
    expect(rollupFits(user('admin_unit', ['320612001000']), JUNE)).toBe(false)
    expect(rollupFits(JURISDICTIONS[0][1], { ...JUNE, groupBy: 'town' })).toBe(false)
    expect(rollupFits(JURISDICTIONS[0][1], { ...JUNE, area: '320612001000' })).toBe(false)
  })

  for (const [who, j] of JURISDICTIONS) {
    for (const [what, over] of PERIODS) {
      it(`gives the raw numbers for ${who}, ${what}`, async () => {
        const req = { ...JUNE, ...over }
        const [fast, raw] = await both(j, req)
        expect(fast).toEqual(raw)
        if (who === 'the city') expect(raw.total.total).toBeGreaterThan(0) // the others include empty answers, on purpose
      })
    }
  }

  it('matches the hand-computed answers', async () => {
    const [fast] = await both(JURISDICTIONS[0][1], JUNE)
    expect(fast.total).toEqual(CITY)
    expect(fast.groups[0]).toMatchObject(TONGZHOU)
  })

  it('follows inserts, updates and deletes of incidents', async () => {
    const city = JURISDICTIONS[0][1]
    await app.db.exec(`
      UPDATE incident SET status = 'closed', closed_at = '2026-06-06 09:00+08', rework_count = 1
       WHERE id = '00000000-0000-4000-8000-000000000005';
      UPDATE incident SET village_code = '320623100001', town_code = '320623100000', county_code = '320623000000', department_code = 'police110'
       WHERE id = '00000000-0000-4000-8000-000000000006';
      UPDATE incident SET description = 'only the text' WHERE id = '00000000-0000-4000-8000-000000000010';
      INSERT INTO incident (id, source, category_code, location, reported_at, village_code, town_code, county_code, status,
                            department_code, due_at, closed_at, satisfaction)
      SELECT '00000000-0000-4000-8000-000000000099', 'hotline', '0101', location, '2026-06-18 10:00+08', village_code, town_code,
             county_code, 'evaluated', 'citymgmt', '2026-06-19 10:00+08', '2026-06-18 12:00+08', 2
        FROM incident WHERE id = '00000000-0000-4000-8000-000000000010';
      INSERT INTO incident (id, source, category_code, location, reported_at, village_code, town_code, county_code, status,
                            department_code)
      SELECT '00000000-0000-4000-8000-000000000098', 'video', '0101', location, '2026-06-18 11:00+08', village_code, town_code,
             county_code, 'signed', 'citymgmt'
        FROM incident WHERE id = '00000000-0000-4000-8000-000000000010'; -- open, without a due time: never overdue
      DELETE FROM incident WHERE id = '00000000-0000-4000-8000-000000000011';`)
    for (const [, j] of JURISDICTIONS) {
      const [fast, raw] = await both(j, JUNE)
      expect(fast).toEqual(raw)
    }
    const [, raw] = await both(city, JUNE)
    expect(raw.total).toMatchObject({ total: CITY.total + 1, closed: CITY.closed + 2, overdueOpen: CITY.overdueOpen - 1, rework: CITY.rework + 1, satisfactionCount: 4 })
  })
})
