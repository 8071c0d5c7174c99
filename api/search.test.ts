// GET /api/search: places by name or code, exact code first, within the caller's area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from './test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'

const FIXTURE = sqlFile(new URL('../incidents/', import.meta.url).href, 'intake-fixture.sql')
const STATION_POINT = `UPDATE station SET address_point = ST_Point(120.605, 31.905, 4326)` // inside 和平社区

describe.each(TEST_ENGINES)('searching places on %s', (kind) => {
  let t: TestApp
  const search = async (q: string, user = 'admin') => {
    const res = await t.app.request(`/api/search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${await t.login(user)}` } })
    return { status: res.status, body: (await res.json()) as { results: { kind: string; code: string; name: string; bbox: number[] }[]; errors?: { field: string }[] } }
  }

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    await t.db.exec(STATION_POINT)
  })
  afterAll(() => t?.close())

  it('finds grids by name with their bounding box', async () => {
    const { body } = await search('和平社区第2')
    expect(body.results).toEqual([{ kind: 'grid', code: '320612001001002', name: '和平社区第2网格', bbox: [120.61, 31.9, 120.62, 31.91] }])
  })

  it('finds towns, stations and exclusive grids by name', async () => {
    expect((await search('金沙')).body.results.map((r) => [r.kind, r.code])).toEqual([
      ['town', '320612001000'],
      ['station', '320612510100'],
    ])
    expect((await search('小学')).body.results.map((r) => r.kind)).toEqual(['exclusive_grid'])
  })

  it('puts the exact code first and matches code prefixes', async () => {
    const { body } = await search('320612001001')
    expect(body.results[0]).toMatchObject({ kind: 'village', code: '320612001001' })
    expect(body.results.map((r) => r.code)).toContain('320612001001Z001')
  })

  it('treats % and _ as plain characters', async () => {
    expect((await search('%')).body.results).toEqual([])
    expect((await search('_')).body.results).toEqual([])
  })

  it('finds nothing outside the caller area', async () => {
    expect((await search('掘港', 'town-320612001')).body.results).toEqual([])
    expect((await search('掘港', 'admin')).body.results.map((r) => r.code)).toEqual(['320623100000'])
    expect((await search('和平', 'county-320612')).body.results.length).toBe(6)
  })

  it('answers an empty query, or one with a control character, with a 400 naming q', async () => {
    for (const q of ['  ', 'a\u0000b']) {
      const { status, body } = await search(q)
      expect(status).toBe(400)
      expect(body.errors?.map((e) => e.field)).toEqual(['q'])
    }
  })
})
