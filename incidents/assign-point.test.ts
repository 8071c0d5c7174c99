// The assignment rule on hand-made grids: every edge case in fixtures/assignment-cases.json.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../api/test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { assignPoint } from './assign-point.ts'

const CASES: { case: string; point: [number, number]; grid: string | null; method: string; exclusive: string[] }[] =
  JSON.parse(readFileSync(new URL('fixtures/assignment-cases.json', import.meta.url), 'utf8'))

describe.each(TEST_ENGINES)('assigning a point on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(sqlFile(import.meta.url, 'intake-fixture.sql'))
  })
  afterAll(() => t?.close())

  it.each(CASES)('$case', async ({ point, grid, method, exclusive }) => {
    const a = await assignPoint(t.db, point[0], point[1])
    expect(a.method).toBe(method)
    expect(a.grid?.code ?? null).toBe(grid)
    expect(a.exclusiveGrids.map((g) => g.code)).toEqual(exclusive)
    if (grid) {
      expect(a.grid!.version).toBe(1)
      expect(a.village?.code).toBe('320612001001')
      expect(a.town?.code).toBe('320612001000')
      expect(a.county?.code).toBe('320612000000')
      expect(a.station?.code).toBe('320612510100')
    } else {
      expect([a.village, a.town, a.county]).toEqual([null, null, null])
    }
  })

  it('gives the same answer every run', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => assignPoint(t.db, 120.61, 31.91)))
    expect(new Set(runs.map((r) => JSON.stringify(r))).size).toBe(1)
  })
})
