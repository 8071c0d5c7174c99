// GET /api/stats/kpi on the hand-made fixture (stats/kpi-fixture.sql; answers in stats/kpi.fixture.ts):
// every groupBy, the period edges, filters, CSV, each role's scope and bad input, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import * as F from '../stats/kpi.fixture.ts'
import type { KpiFigures } from '../stats/compute-kpi.ts'

const FIXTURE = sqlFile(new URL('../stats/', import.meta.url).href, 'kpi-fixture.sql')

describe.each(TEST_ENGINES)('KPIs on %s', (kind) => {
  let t: TestApp
  const tokens = new Map<string, string>()
  const get = async (query: string, username = 'city', accept = 'application/json') => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username))
    return t.app.request(`/api/stats/kpi?${query}`, { headers: { authorization: `Bearer ${tokens.get(username)}`, accept } })
  }
  const kpi = async (query: string, username = 'city') => {
    const res = await get(query, username)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as { groups: ({ code: string | null; name: string; nameEn: string | null } & KpiFigures)[]; total: KpiFigures; period: Record<string, string> }
  }
  const byCode = (groups: { code: string | null }[]) => Object.fromEntries(groups.map(({ code, ...g }) => [code ?? 'null', g]))

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
  })
  afterAll(() => t?.close())

  it('counts the city by county, with the unassigned report in a group of its own', async () => {
    const r = await kpi(`${F.FIXTURE_PERIOD}&groupBy=county`)
    expect(r.total).toEqual(F.CITY)
    expect(r.groups.map((g) => [g.code, g.name])).toEqual([['320612000000', '通州区'], ['320623000000', '如东县'], [null, '未分配']])
    const g = byCode(r.groups)
    expect(g['320612000000']).toMatchObject(F.TONGZHOU)
    expect(g['320623000000']).toMatchObject(F.RUDONG)
    expect(g.null).toMatchObject({ ...F.UNASSIGNED, nameEn: 'Unassigned' })
    expect(r.period).toEqual({ from: '2026-05-31T16:00:00.000Z', to: '2026-06-30T16:00:00.000Z', asOf: '2026-06-30T16:00:00.000Z' })
  })

  it('counts by town and by village', async () => {
    const towns = byCode((await kpi(`${F.FIXTURE_PERIOD}&groupBy=town`)).groups)
    expect(Object.keys(towns)).toEqual(['320612001000', '320623100000', 'null'])
    expect(towns['320612001000']).toMatchObject({ name: '金沙街道', ...F.TONGZHOU })
    expect(towns['320623100000']).toMatchObject({ name: '掘港街道', ...F.RUDONG })
    const villages = byCode((await kpi(`${F.FIXTURE_PERIOD}&groupBy=village`)).groups)
    expect(Object.keys(villages)).toEqual(['320612001001', '320612001002', '320623100001', 'null'])
    expect(villages['320612001001']).toMatchObject({ name: '和平社区', ...F.HEPING })
    expect(villages['320612001002']).toMatchObject({ name: '新华村', ...F.XINHUA })
    expect(villages['320623100001']).toMatchObject({ name: '城中社区', ...F.RUDONG })
  })

  it('counts by department and by category, named in Chinese and English', async () => {
    const r = await kpi(`${F.FIXTURE_PERIOD}&groupBy=department`)
    expect(r.groups.map((g) => [g.code, g.name, g.nameEn])).toEqual([['citymgmt', '数字城管', 'Digital city management'], ['police110', '110公安', '110 police']])
    expect(byCode(r.groups).citymgmt).toMatchObject(F.CITYMGMT)
    expect(byCode(r.groups).police110).toMatchObject(F.POLICE)
    const c = await kpi(`${F.FIXTURE_PERIOD}&groupBy=category`)
    expect(c.groups.map((g) => [g.code, g.name])).toEqual([['0101', '暴露垃圾'], ['0801', '治安隐患']])
    expect(byCode(c.groups)['0101']).toMatchObject(F.CITYMGMT)
    expect(c.total).toEqual(F.CITY)
  })

  it('counts by Beijing day, the last half hour of June in, the last hour of May out', async () => {
    const r = await kpi(`${F.FIXTURE_PERIOD}&groupBy=day`)
    expect(r.groups.map((g) => g.code)).toEqual(F.DAYS)
    expect(byCode(r.groups)['2026-06-20']).toMatchObject({ total: 2, accepted: 2, routed: 1, overdueOpen: 1 })
    expect(r.total).toEqual(F.CITY)
    const withMay = await kpi('from=2026-05-31&to=2026-06-30&groupBy=day')
    expect(withMay.groups[0]).toMatchObject({ code: '2026-05-31', total: 1, closed: 1, rework: 5 })
  })

  it('judges overdue at the end of a period given as a date-time', async () => {
    const r = await kpi(`from=2026-06-01&to=${encodeURIComponent('2026-06-05T10:00:00+08:00')}`)
    expect(r.total).toEqual(F.EARLY_JUNE)
    expect(r.period.asOf).toBe('2026-06-05T02:00:00.000Z')
  })

  it('filters by area and by department', async () => {
    expect((await kpi(`${F.FIXTURE_PERIOD}&area=320612001002&groupBy=village`)).total).toEqual(F.XINHUA)
    expect((await kpi(`${F.FIXTURE_PERIOD}&area=320612000000`)).total).toEqual(F.TONGZHOU)
    expect((await kpi(`${F.FIXTURE_PERIOD}&department=police110`)).total).toEqual(F.POLICE)
  })

  it('scopes each role to its jurisdiction', async () => {
    expect((await kpi(F.FIXTURE_PERIOD, 'admin')).total).toEqual(F.CITY)
    const county = await kpi(`${F.FIXTURE_PERIOD}&groupBy=town`, 'county-320612')
    expect(county.groups.map((g) => g.code)).toEqual(['320612001000'])
    expect(county.total).toEqual(F.TONGZHOU)
    expect((await kpi(F.FIXTURE_PERIOD, 'town-320612001')).total).toEqual(F.TONGZHOU)
    expect((await kpi(F.FIXTURE_PERIOD, 'station-320612510100')).total).toEqual(F.HEPING)
    const dept = await kpi(F.FIXTURE_PERIOD, 'department-citymgmt')
    expect(dept.total).toEqual(F.CITYMGMT)
    expect(byCode(dept.groups)).toMatchObject({ '320612000000': F.CITYMGMT_TONGZHOU, '320623000000': F.CITYMGMT_RUDONG })
  })

  it('answers 404 for an area or department outside the jurisdiction, 403 for roles without KPIs', async () => {
    for (const [query, user] of [['area=320623000000', 'county-320612'], ['area=320600000000', 'town-320612001'],
      ['area=320623100001', 'station-320612510100'], ['area=320699000000', 'city'], ['department=police110', 'department-citymgmt'],
      ['department=nosuch', 'city']]) {
      const res = await get(query, user)
      expect(res.status, `${user} ${query}`).toBe(404)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
    expect((await get(F.FIXTURE_PERIOD, 'worker-320612001001001')).status).toBe(403)
    expect((await t.app.request(`/api/stats/kpi?${F.FIXTURE_PERIOD}`)).status).toBe(401)
  })

  it('refuses bad input with a problem naming the field', async () => {
    for (const [query, field] of [['from=2026-13-01', 'from'], ['from=2026-02-30', 'from'], ['to=yesterday', 'to'],
      ['to=2026-06-01T10:00:00', 'to'], ['from=2026-06-02&to=2026-06-01', 'from'], ['from=2999-01-01', 'from'], ['to=9999-12-31', 'to'], ['from=0001-01-01T00:00:00Z', 'from'],
      ['groupBy=street', 'groupBy'], ['area=3206', 'area'], ['department=%27%3B', 'department'], ['lang=fr', 'lang'],
      ['colour=red', '(body)']]) {
      const res = await get(query)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const body = (await res.json()) as { errors: { field: string }[] }
      expect(body.errors.map((e) => e.field), query).toContain(field)
    }
  })

  it('gives CSV with a BOM, zh-CN headers by default and English with lang=en', async () => {
    const res = await get(`${F.FIXTURE_PERIOD}&groupBy=county`, 'city', 'text/csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kpi-county-2026-06-30\.csv"$/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toMatch(/^编码,名称,上报数,受理数,不予受理数,合并数,流转数,办结数,办结率,/)
    expect(lines[1]).toBe('320612000000,通州区,9,7,1,1,7,4,0.571,2,0.5,3,1,2,3,2,2,1,1,1,1,11,22.6,4,2')
    expect(lines[3]).toMatch(/^,未分配,1,1,/)
    expect(lines[4]).toBe(',合计,14,11,1,1,9,5,0.556,3,0.6,4,2,2,3,2,2,3,1,1,1,10,20.8,4,3')
    expect(lines[5]).toBe('')
    const en = await (await get(`${F.FIXTURE_PERIOD}&groupBy=department&lang=en`, 'city', 'text/csv')).text()
    expect(en.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^code,name,reported,accepted,rejected,merged,routed,closed,closure rate,/),
      expect.stringMatching(/^citymgmt,Digital city management,9,7,/),
    ])
  })
})
