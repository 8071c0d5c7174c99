// The set-based assignment of a bulk import gives assign_point()'s answer for every point: random
// points in and around the fixture village, points on grid edges, hole rims and vertices, points on
// the 0.002° cell lines of assign-staged.sql, under two overlapping stations, and in a grid that
// no station covers (which must fall back to assign_point()).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../api/test-app.ts'
import { TEST_ENGINES } from '../../db/test-database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import { seededRandom } from '../../geodata/seeded-random.ts'
import { assignPoint } from '../assign-point.ts'
import { importIncidents } from './import-incidents.ts'

const FIXTURE = sqlFile(new URL('../', import.meta.url).href, 'intake-fixture.sql')
const MORE = `
INSERT INTO station (code, name, county_code, geom) VALUES   -- a lower code over the village's east side
  ('320612510000', '东站', '320612000000', ST_Multi(ST_MakeEnvelope(120.615, 31.905, 120.64, 31.93, 4326)));
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320623100001', '320623100000', 'village', '无站村', '村', ST_Multi(ST_MakeEnvelope(121.01, 31.81, 121.02, 31.82, 4326)));
INSERT INTO grid (code, version, kind, name, village_code, county_code, geom) VALUES  -- under no station
  ('320623100001001', 1, 'basic', '无站村第1网格', '320623100001', '320623000000', ST_Multi(ST_MakeEnvelope(121.01, 31.81, 121.02, 31.82, 4326)));`

function points(): [number, number][] {
  const r = seededRandom(7)
  const out: [number, number][] = []
  for (let i = 0; i < 300; i++) out.push([r.range(120.597, 120.623), r.range(31.897, 31.923)])
  // grid edges, hole rims, the school's and the east station's edges, and a 0.002° cell line
  for (const x of [120.6, 120.603, 120.607, 120.61, 120.62, 120.612, 120.615, 120.604]) {
    for (let i = 0; i < 8; i++) out.push([x, r.range(31.899, 31.921)])
  }
  for (const y of [31.9, 31.913, 31.917, 31.91, 31.92, 31.902, 31.905, 31.904]) {
    for (let i = 0; i < 8; i++) out.push([r.range(120.599, 120.621), y])
  }
  for (const [x, y] of [[120.61, 31.91], [120.603, 31.913], [120.607, 31.917], [120.6, 31.9], [120.62, 31.92], [120.612, 31.902]]) out.push([x, y])
  for (let i = 0; i < 40; i++) out.push([r.range(121.009, 121.021), r.range(31.809, 31.821)])
  return out
}

describe.each(TEST_ENGINES)('the set-based assignment on %s', (kind) => {
  let t: TestApp
  let dir: string
  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE + MORE)
    dir = mkdtempSync(path.join(tmpdir(), 'wangge-assign-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await t?.close()
  })

  it('agrees with assign_point() on every point', async () => {
    const pts = points()
    const ids = pts.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
    const file = path.join(dir, 'points.csv')
    writeFileSync(file, ['id,category,lon,lat,reported_at', ...pts.map((p, i) => `${ids[i]},0101,${p[0]},${p[1]},2026-12-01T10:00:00+08:00`)].join('\n'))
    expect(await importIncidents(t.db, { file, crs: 'WGS84' })).toMatchObject({ inserted: pts.length, written: true })

    const { rows } = await t.db.query<Record<string, unknown>>(
      `SELECT id, grid_id, grid_code, assign_method, exclusive_grid_codes, station_id, village_code, town_code, county_code
         FROM incident WHERE id = ANY($1::uuid[])`, [ids])
    const byId = new Map(rows.map((r) => [r.id, r]))
    const methods = new Set<string>()
    for (let i = 0; i < pts.length; i++) {
      const a = await assignPoint(t.db, pts[i][0], pts[i][1])
      methods.add(a.method)
      expect({ point: pts[i], ...byId.get(ids[i]) }).toEqual({
        point: pts[i], id: ids[i], grid_id: a.grid?.id ?? null, grid_code: a.grid?.code ?? null, assign_method: a.method,
        exclusive_grid_codes: a.exclusiveGrids.map((g) => g.code), station_id: a.station?.id ?? null,
        village_code: a.village?.code ?? null, town_code: a.town?.code ?? null, county_code: a.county?.code ?? null,
      })
    }
    expect([...methods].sort()).toEqual(['edge', 'inside', 'nearest', 'outside'])
  })
})
