// Bulk import on both engines, against what POST /api/incidents decides for the same reports.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../../api/test-app.ts'
import { TEST_ENGINES } from '../../db/test-database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import { positionFromWgs84, type SourceCrs } from '../../geodata/to-wgs84.ts'
import { importIncidents } from './import-incidents.ts'

const FIXTURE = sqlFile(new URL('../', import.meta.url).href, 'intake-fixture.sql')
const CASES: { case: string; point: [number, number] }[] = JSON.parse(readFileSync(new URL('../fixtures/assignment-cases.json', import.meta.url), 'utf8'))
const CATEGORIES = ['0101', '0801', '1501'] // village-settled, police (station), school (exclusive grid)
const REPORTED_AT = '2026-12-03T09:30:00+08:00'
const HEADER = 'id,category,description,lon,lat,reported_at,source,address,status,closed_at'
const COMPARED = `grid_id, grid_code, assign_method, exclusive_grid_codes, station_id, village_code, town_code, county_code,
  department_code, handling_level, assignee_kind, assignee, due_at, ST_X(location) AS lon, ST_Y(location) AS lat`

type Report = { id: string; category: string; point: [number, number] }

const csv = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n'
const csvRow = (r: Report) => `${r.id},${r.category},"路边, ""${r.category}""",${r.point[0]},${r.point[1]},${REPORTED_AT},terminal,和平路12号,,`
const geojson = (rows: Report[]) => JSON.stringify({
  type: 'FeatureCollection',
  features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: r.point }, properties: { category: r.category, reported_at: REPORTED_AT } })),
}, null, 1)

describe.each(TEST_ENGINES)('importing incidents in bulk on %s', (kind) => {
  let t: TestApp
  let admin: string
  let dir: string
  const file = (name: string, text: string) => {
    const p = path.join(dir, name)
    writeFileSync(p, text)
    return p
  }
  const load = (name: string, text: string, crs: SourceCrs = 'WGS84', exclusive = false) => importIncidents(t.db, { file: file(name, text), crs, exclusive })
  const schema = async () => (await t.db.query<{ def: string }>(`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid IN ('incident'::regclass, 'incident_event'::regclass)
    UNION ALL
    SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('incident'::regclass, 'incident_event'::regclass)
    ORDER BY 1`)).rows.map((r) => r.def)
  const post = (r: Report, crs: SourceCrs = 'WGS84') => t.app.request('/api/incidents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ id: r.id, category: r.category, location: { type: 'Point', coordinates: r.point }, crs, reportedAt: REPORTED_AT, source: 'terminal' }),
  })
  const stored = async (id: string) => (await t.db.query(`SELECT ${COMPARED} FROM incident WHERE id = $1`, [id])).rows[0]
  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n

  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    admin = await t.login('admin')
    dir = mkdtempSync(path.join(tmpdir(), 'wangge-import-'))
  })
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
    await t?.close()
  })

  it.each(['csv', 'geojson'])('assigns and routes every fixture point as POST /api/incidents does (%s)', async (format) => {
    const reports = CASES.flatMap((c) => CATEGORIES.map((category) => ({ category, point: c.point, case: c.case })))
    const posted = reports.map((r) => ({ ...r, id: randomUUID() }))
    const imported = reports.map((r) => ({ ...r, id: randomUUID() }))
    for (const r of posted) expect((await post(r)).status).toBe(201)
    const result = await load(`cases.${format}`, format === 'csv' ? csv(imported.map(csvRow)) : geojson(imported))
    expect(result).toMatchObject({ rows: reports.length, inserted: reports.length, skipped: 0, problems: [], written: true })
    for (let i = 0; i < reports.length; i++) {
      expect({ case: reports[i].case, ...(await stored(imported[i].id)) }).toEqual({ case: reports[i].case, ...(await stored(posted[i].id)) })
    }
  })

  it('imports exclusively (indexes and foreign keys set aside) to the same rows, and leaves the schema as it found it', async () => {
    const before = await schema()
    expect(before.filter((d) => d.includes('FOREIGN KEY')).length).toBeGreaterThan(5)
    const reports = CASES.map((c) => ({ category: '1501', point: c.point, case: c.case }))
    const posted = reports.map((r) => ({ ...r, id: randomUUID() }))
    const imported = reports.map((r) => ({ ...r, id: randomUUID() }))
    for (const r of posted) expect((await post(r)).status).toBe(201)
    const result = await load('exclusive.csv', csv(imported.map(csvRow)), 'WGS84', true)
    expect(result).toMatchObject({ inserted: reports.length, written: true })
    for (let i = 0; i < reports.length; i++) expect(await stored(imported[i].id)).toEqual(await stored(posted[i].id))
    expect(await schema()).toEqual(before)
    expect((await t.db.query('SELECT * FROM incident_event_verify()')).rows).toEqual([])
  })

  it('refuses an exclusive import while a foreign key is NOT VALID (made again as it is, it would check nothing), changing nothing', async () => {
    await t.db.exec('ALTER TABLE incident ADD CONSTRAINT incident_department_unchecked FOREIGN KEY (department_code) REFERENCES department (code) NOT VALID')
    try {
      const before = [await schema(), await count('incident')]
      await expect(load('unchecked.csv', csv([csvRow({ id: randomUUID(), category: '0101', point: [120.605, 31.905] })]), 'WGS84', true))
        .rejects.toThrow(/incident_department_unchecked of incident is NOT VALID/)
      expect([await schema(), await count('incident')]).toEqual(before)
    } finally {
      await t.db.exec('ALTER TABLE incident DROP CONSTRAINT incident_department_unchecked')
    }
  })

  it('converts GCJ-02 coordinates as the intake does and keeps them as received', async () => {
    const gcj = positionFromWgs84([120.61002, 31.905], 'GCJ02') as [number, number] // 2 m east of the 001/002 edge
    const [viaPost, viaImport] = [randomUUID(), randomUUID()]
    expect((await post({ id: viaPost, category: '0101', point: gcj }, 'GCJ02')).status).toBe(201)
    await load('gcj.csv', csv([csvRow({ id: viaImport, category: '0101', point: gcj })]), 'GCJ02')
    const row = await stored(viaImport)
    expect(row).toEqual(await stored(viaPost))
    expect(row).toMatchObject({ grid_code: '320612001001002', assign_method: 'inside' })
    expect((row.lon as number)).toBeCloseTo(120.61002, 7)
    const raw = await t.db.query<{ raw: unknown; raw_crs: string }>('SELECT raw, raw_crs FROM incident WHERE id = $1', [viaImport])
    expect(raw.rows[0]).toEqual({ raw: { file: 'gcj.csv', line: 2, coordinates: gcj }, raw_crs: 'GCJ02' })
  })

  it('reports every bad row with its line and field, and writes nothing', async () => {
    const [incidents, events] = [await count('incident'), await count('incident_event')]
    const dup = randomUUID()
    const result = await load('bad.csv', csv([
      `${dup},0101,"第一行\n第二行, 带逗号",120.605,31.905,${REPORTED_AT},terminal,,,`, // lines 2–3: a good row
      `,9999,,120.605,31.905,${REPORTED_AT},,,,`, // line 4
      `,0101,,abc,31.905,${REPORTED_AT},,,,`, // line 5
      `,0101,,31.905,120.605,${REPORTED_AT},,,,`, // line 6: swapped
      `,0101,,120.605,31.905,2026-12-03 09:30,,,,`, // line 7: no offset
      `,0101,,120.605,31.905,2026-02-30T09:30:00+08:00,,,,`, // line 8: no such day
      `${dup},0101,,120.605,31.905,${REPORTED_AT},,,,`, // line 9
      `,0101,,120.605,31.905,${REPORTED_AT},,,closed,2026-12-01T00:00:00Z`, // line 10: closed before reported
      `,0101,,120.605,31.905,1970-01-01T07:59:59+08:00,,,,`, // line 11: 1969 in UTC
    ]))
    expect(result.written).toBe(false)
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'category'], [5, 'lon'], [6, 'lat'], [7, 'reported_at'], [8, 'reported_at'], [9, 'id'], [10, 'closed_at'], [11, 'reported_at'],
    ])
    expect(result.problems[0].reason).toBe('is not a known category code ("9999")')
    expect(result.problems[5].reason).toContain('of line 2')
    expect([await count('incident'), await count('incident_event')]).toEqual([incidents, events])
  })

  it("skips rows imported before, derives the same id for a row without one, and gives each new incident its chained 'import' audit row", async () => {
    const rows = [0, 1, 2].map((i) => `,0101,第${i}件,${120.601 + i * 0.001},31.902,${REPORTED_AT},hotline,,closed,2026-12-03T08:00:00Z`)
    const first = await load('history.csv', csv(rows))
    expect(first).toMatchObject({ inserted: 3, skipped: 0, written: true })
    expect(await load('history.csv', csv(rows))).toMatchObject({ inserted: 0, skipped: 3, written: true })
    const more = await load('history-more.csv', csv([...rows, `,0101,第3件,120.604,31.902,${REPORTED_AT},hotline,,,`]))
    expect(more).toMatchObject({ rows: 4, inserted: 1, skipped: 3 })

    const imported = await t.db.query<{ status: string; closed_at: Date | null; n: number }>(
      `SELECT i.status, i.closed_at, (SELECT count(*)::int FROM incident_event e WHERE e.incident_id = i.id AND e.action = 'import') AS n
         FROM incident i WHERE i.source = 'hotline' ORDER BY i.description`)
    expect(imported.rows.map((r) => [r.status, r.n])).toEqual([['closed', 1], ['closed', 1], ['closed', 1], ['reported', 1]])
    expect((await t.db.query('SELECT * FROM incident_event_verify()')).rows).toEqual([])
  })
})
