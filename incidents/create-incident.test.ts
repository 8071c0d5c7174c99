// createIncident() builds its 201 body without reading the row back; it must be exactly what
// readIncident() (GET /api/incidents/{id}) shows for the same row, on both engines.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type TestApp } from '../api/test-app.ts'
import { TEST_ENGINES } from '../db/test-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { findUser } from '../accounts/find-user.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import { createIncident, type IncidentReport, type Reporter } from './create-incident.ts'
import { readIncident } from './read-incident.ts'
import { positionFromWgs84 } from '../geodata/to-wgs84.ts'

const FIXTURE = sqlFile(import.meta.url, 'intake-fixture.sql')

const report = (over: Partial<IncidentReport> = {}): IncidentReport => ({
  id: randomUUID(), category: '0101', description: '路边暴露垃圾', location: { type: 'Point', coordinates: [120.605, 31.905] },
  crs: 'WGS84', reportedAt: '2026-12-03T09:30:00.123456+08:00', source: 'terminal', ...over,
})

const CASES: [string, Partial<IncidentReport>][] = [
  ['inside a grid, with an address', { address: '和平路12号' }],
  ['police-relevant, to the station', { category: '0801' }],
  ['school matter, to the exclusive grid', { category: '1501', location: { type: 'Point', coordinates: [120.613, 31.903] } }],
  ['a duplicate of the first', { location: { type: 'Point', coordinates: [120.6051, 31.9051] } }],
  ['sent in GCJ-02 with an upper-case id', { crs: 'GCJ02', location: { type: 'Point', coordinates: positionFromWgs84([120.606, 31.906], 'GCJ02') as [number, number] }, id: randomUUID().toUpperCase() }],
]

describe.each(TEST_ENGINES)('the intake body on %s', (kind) => {
  let t: TestApp
  let by: Reporter
  beforeAll(async () => {
    t = await openTestApp(kind)
    await t.db.exec(FIXTURE)
    const { passwordHash: _, stationCounties, ...user } = (await findUser(t.db, { username: 'admin' }))!
    by = { user, jurisdiction: jurisdictionOf(user, stationCounties) }
  })
  afterAll(() => t?.close())

  it.each(CASES)('equals what a read of the row shows: %s', async (_, over) => {
    const r = report(over)
    const created = await createIncident(t.db, r, by)
    expect(created.outcome).toBe('created')
    const body = (created as { body: unknown }).body
    const read = await readIncident(t.db, r.id.toLowerCase(), { userId: by.user.id, jurisdiction: by.jurisdiction })
    // The nearby list is of the moment of reading; the row itself was not yet a neighbour of itself.
    expect(body).toEqual(read)
    const stored = await t.db.query<{ intake_response: unknown }>('SELECT intake_response FROM incident WHERE id = $1', [r.id])
    expect(stored.rows[0].intake_response).toEqual(body)
  })

  it('counts the deadline across a public holiday and gives the hub its review deadline at once', async () => {
    // 8 working hours from Wed 30 Sep 2026 17:00: half an hour that day, then the National Day
    // week (1–7 Oct) is off, so the other 7.5 are all of Thu 8 Oct: 17:30 Beijing time.
    const r = report({ reportedAt: '2026-09-30T17:00:00+08:00' })
    const created = (await createIncident(t.db, r, by)) as { body: { routing: { dueAt: string } } }
    expect(created.body.routing.dueAt).toBe('2026-10-08T09:30:00.000Z')
    const { rows } = await t.db.query<{ step_due_at: Date; step_warn_at: Date }>('SELECT step_due_at, step_warn_at FROM incident WHERE id = $1', [r.id])
    // Review is 10% of the limit (48 minutes), yellow at 80% of that (38.4): 30 minutes on 30 Sep,
    // the rest from 08:30 on 8 Oct.
    expect(rows[0].step_due_at.toISOString()).toBe('2026-10-08T00:48:00.000Z') // 08:48 Beijing
    expect(rows[0].step_warn_at.toISOString()).toBe('2026-10-08T00:38:24.000Z') // 08:38:24
  })

  it('lists the earlier report as a duplicate in the body', async () => {
    const first = report()
    await createIncident(t.db, first, by)
    const second = await createIncident(t.db, report({ location: { type: 'Point', coordinates: [120.6052, 31.9052] } }), by)
    expect((second as { body: { nearby: { id: string }[] } }).body.nearby.map((n) => n.id)).toContain(first.id)
  })
})
