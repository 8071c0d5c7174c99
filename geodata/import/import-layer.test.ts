import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../db/test-database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { SourceCrs } from '../to-wgs84.ts'
import { importLayer } from './import-layer.ts'
import type { Layer, ProblemKind } from './import-report.ts'
import { adminUnits, basicGrids, schoolGrid, VILLAGES, type FixtureVillage } from './fixtures/fixture-layout.ts'

const MAX_ERROR_M = 0.5        // how far an imported vertex may land from where it was drawn
const M_PER_DEG = 111_320      // metres per degree of latitude
const SNAPSHOT_SQL = sqlFile(import.meta.url, 'fixtures/table-snapshot.sql')
const GRID_VERSIONS_SQL = sqlFile(import.meta.url, 'fixtures/grid-versions.sql')
const STATIONS_SQL = sqlFile(import.meta.url, 'fixtures/stations.sql')

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))

interface GridVersion {
  code: string; version: number; current: boolean; valid_from: Date; valid_to: Date | null; name: string
  exclusive_type: string | null; county_code: string; households: number; synthetic: boolean; geojson: string
}

/** The largest distance from any vertex of one geometry to the nearest vertex of the other, in metres. */
function vertexDistance(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const vertices = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2)
  const metres = (p: Position, q: Position) =>
    Math.hypot((p[0] - q[0]) * M_PER_DEG * Math.cos((p[1] * Math.PI) / 180), (p[1] - q[1]) * M_PER_DEG)
  const oneWay = (from: Position[], to: Position[]) => Math.max(...from.map((p) => Math.min(...to.map((q) => metres(p, q)))))
  return Math.max(oneWay(vertices(a), vertices(b)), oneWay(vertices(b), vertices(a)))
}

// The errors village's corner and midlines, where the error fixtures put their faults.
const [EX, EY] = VILLAGES.errors.corner
const inBox = (x0: number, y0: number, x1: number, y1: number) => (p?: [number, number]) =>
  !!p && p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1

const ERROR_CASES: { file: string; crs?: SourceCrs; kind: ProblemKind; feature?: number; reason: string; at?: (p?: [number, number]) => boolean }[] = [
  { file: 'bowtie.geojson', crs: 'WGS84', kind: 'invalid-geometry', feature: 1, reason: 'self-intersection (bowtie)',
    at: inBox(EX + 0.015 - 1e-9, EY + 0.015 - 1e-9, EX + 0.015 + 1e-9, EY + 0.015 + 1e-9) },
  { file: 'unclosed-ring.geojson', crs: 'WGS84', kind: 'invalid-geometry', feature: 2, reason: 'unclosed ring',
    at: inBox(EX + 0.01, EY, EX + 0.01, EY) },
  { file: 'overlap.geojson', crs: 'WGS84', kind: 'overlap', feature: 0, reason: `overlaps ${VILLAGES.errors.code}002`,
    at: inBox(EX + 0.01, EY, EX + 0.012, EY + 0.02) },
  { file: 'gap.geojson', crs: 'WGS84', kind: 'gap', reason: `village ${VILLAGES.errors.code} has`,
    at: inBox(EX + 0.01, EY + 0.018, EX + 0.02, EY + 0.02) },
  { file: 'outside-parent.geojson', crs: 'WGS84', kind: 'outside-parent', feature: 0, reason: `outside village ${VILLAGES.errors.code}`,
    at: inBox(EX - 0.002, EY, EX, EY + 0.02) },
  { file: 'unknown-parent.geojson', crs: 'WGS84', kind: 'unknown-parent', feature: 0, reason: 'village 320612001099 is not in the database' },
  { file: 'duplicate-code.geojson', crs: 'WGS84', kind: 'duplicate-code', feature: 2, reason: 'already used by feature 1' },
  { file: 'missing-field.geojson', crs: 'WGS84', kind: 'missing-field', feature: 0, reason: 'missing field "name"' },
  { file: 'grids.geojson', kind: 'crs', reason: 'give --crs' },
  { file: 'no-prj.zip', kind: 'crs', reason: 'give --crs' },
  { file: 'grids-shapefile.zip', crs: 'GCJ02', kind: 'crs', reason: 'disagrees with the .prj' },
]

const FORMATS: [string, string, SourceCrs | undefined, FixtureVillage][] = [
  ['GeoJSON', 'grids.geojson', 'WGS84', VILLAGES.geojson],
  ['a zipped GBK Shapefile with a WGS 84 .prj', 'grids-shapefile.zip', undefined, VILLAGES.shapefile],
  ['KML', 'grids.kml', 'WGS84', VILLAGES.kml],
  ['GCJ-02 GeoJSON', 'grids-gcj02.geojson', 'GCJ02', VILLAGES.gcj02],
  ['a zipped Shapefile projected to CGCS2000 / 3-degree Gauss-Kruger', 'grids-cgcs2000-gk.zip', undefined, VILLAGES.projected],
]

describe.each(TEST_ENGINES)('importLayer on %s', (engine) => {
  let db: TestDatabase
  const run = (file: string, layer: Layer, crs?: SourceCrs, dryRun = false) =>
    importLayer(db, { path: fixture(file), layer, ...(crs && { crs }), dryRun })
  const snapshot = async () => (await db.query(SNAPSHOT_SQL)).rows[0]
  const versions = async (village: string, kind = 'basic') =>
    (await db.query<GridVersion>(GRID_VERSIONS_SQL, [village, kind])).rows

  beforeAll(async () => {
    db = await openTestDatabase(engine)
    const report = await run('admin-units.geojson', 'admin', 'WGS84')
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ written: true, inserted: adminUnits().length, updated: 0 })
  })
  afterAll(() => db?.dispose())

  describe.each(FORMATS)('from %s', (_, file, crs, village) => {
    it('imports the grids as version 1, within half a metre of where they were drawn', async () => {
      const report = await run(file, 'grids', crs)
      expect(report.problems).toEqual([])
      expect(report).toMatchObject({ written: true, features: 3, inserted: 3, updated: 0 })
      const rows = await versions(village.code)
      const expected = basicGrids(village)
      expect(rows.map((r) => [r.code, r.version, r.current, r.name, r.households, r.synthetic, r.county_code]))
        .toEqual(expected.map((g) => [g.code, 1, true, g.name, g.households, false, '320612000000']))
      rows.forEach((r, i) => expect(vertexDistance(JSON.parse(r.geojson), expected[i].polygon)).toBeLessThan(MAX_ERROR_M))
    })

    it('makes version 2 on a second import and closes version 1 at the same instant', async () => {
      const report = await run(file, 'grids', crs)
      expect(report).toMatchObject({ written: true, inserted: 0, updated: 3, problems: [] })
      const rows = await versions(village.code)
      expect(rows.map((r) => [r.version, r.current])).toEqual([[1, false], [2, true], [1, false], [2, true], [1, false], [2, true]])
      for (let i = 0; i < rows.length; i += 2) expect(rows[i].valid_to).toEqual(rows[i + 1].valid_from)
    })
  })

  it('checks everything on a dry run and writes nothing', async () => {
    const before = await snapshot()
    const report = await run('grids.geojson', 'grids', 'WGS84', true)
    expect(report.problems).toEqual([])
    expect(report.written).toBe(false)
    expect(report.inserted + report.updated).toBe(3)
    expect(await snapshot()).toEqual(before)
  })

  it.each(ERROR_CASES)('reports $kind in $file and writes nothing', async ({ file, crs, kind, feature, reason, at }) => {
    const before = await snapshot()
    const report = await run(file, 'grids', crs)
    expect(report.written).toBe(false)
    const problem = report.problems.find((p) => p.kind === kind && p.reason.includes(reason))
    expect(problem, JSON.stringify(report.problems)).toBeDefined()
    expect(problem!.feature).toBe(feature)
    if (at) expect(at(problem!.location), JSON.stringify(problem!.location)).toBe(true)
    expect(await snapshot()).toEqual(before)
  })

  it('reports an overlap with current grids the file leaves alone', async () => {
    await run('grids.geojson', 'grids', 'WGS84') // makes sure the village has current grids
    const before = await snapshot()
    const report = await run('overlap-current.geojson', 'grids', 'WGS84')
    expect(report.problems.map((p) => [p.kind, p.feature, p.reason.replace(/ by .*/, '')])).toEqual([
      ['overlap', 0, `overlaps ${VILLAGES.geojson.code}002 (current grid)`],
      ['overlap', 0, `overlaps ${VILLAGES.geojson.code}003 (current grid)`],
    ])
    expect(await snapshot()).toEqual(before)
  })

  it('imports an exclusive grid over the basic grids with its Chinese type', async () => {
    const report = await run('exclusive-grids.geojson', 'exclusive-grids', 'WGS84')
    expect(report).toMatchObject({ written: true, inserted: 1, problems: [] })
    const [school] = await versions(VILLAGES.geojson.code, 'exclusive')
    expect(school).toMatchObject({ code: schoolGrid(VILLAGES.geojson).code, version: 1, exclusive_type: 'school' })
  })

  it('imports stations and updates them in place by code', async () => {
    expect(await run('stations.geojson', 'stations', 'WGS84')).toMatchObject({ written: true, inserted: 1, updated: 0 })
    expect(await run('stations.geojson', 'stations', 'WGS84')).toMatchObject({ written: true, inserted: 0, updated: 1 })
    const stations = (await db.query(STATIONS_SQL)).rows
    expect(stations).toMatchObject([{ code: '320612S01', name: '金沙派出所', county_code: '320612000000', synthetic: false }])
  })

  it('updates admin units in place when they are imported again', async () => {
    const report = await run('admin-units.geojson', 'admin', 'WGS84')
    expect(report).toMatchObject({ written: true, inserted: 0, updated: adminUnits().length, problems: [] })
  })
})
