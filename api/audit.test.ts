// GET /api/audit/verify: the hash chains stay intact under many concurrent actions, and a row
// tampered with behind the append-only trigger is named. On the server, the application role
// cannot change the trail at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openLoopFixture, type LoopFixture } from '../incidents/loop.fixture.ts'

const CHAIN = [
  ['town-320612001', { action: 'accept' }],
  ['town-320612001', { action: 'dispatch' }],
  ['department-citymgmt', { action: 'sign' }],
  ['department-citymgmt', { action: 'handle', feedback: '已处理' }],
  ['worker-320612001001001', { action: 'verify', result: 'pass' }],
] as const
const INCIDENTS = { postgres: 200, embedded: 20 } // × 5 actions: 1,000 concurrent actions on the server

describe.each(TEST_ENGINES)('the audit trail on %s', (kind) => {
  let f: LoopFixture
  const verify = async (by = 'admin' as const) => {
    const res = await f.t.app.request('/api/audit/verify', { headers: { authorization: `Bearer ${f.token[by]}` } })
    return { status: res.status, body: (await res.json()) as Record<string, any> }
  }
  beforeAll(async () => {
    f = await openLoopFixture(kind)
  })
  afterAll(() => f?.close())

  it('is for the admin only', async () => {
    const res = await f.t.app.request('/api/audit/verify', { headers: { authorization: `Bearer ${f.token.city}` } })
    expect(res.status).toBe(403)
  })

  it(`stays intact after ${INCIDENTS.postgres * CHAIN.length} concurrent actions (${INCIDENTS.embedded * CHAIN.length} embedded)`, async () => {
    const n = INCIDENTS[kind]
    const ids = await Promise.all(Array.from({ length: n }, () => f.report()))
    // Every incident walks its chain while all the others do; each incident also gets a rival
    // accept at the same moment, of which exactly one may win.
    const rivals: Promise<number>[] = []
    const started = performance.now()
    await Promise.all(ids.map(async (id) => {
      for (const [i, [by, body]] of CHAIN.entries()) {
        if (i === 0) rivals.push(f.act('town-320612001', id, { action: 'accept' }).then((r) => r.status))
        const res = await f.act(by, id, body)
        if (i === 0 && res.status === 409) continue // the rival accepted first
        expect(res.status, await res.clone().text()).toBe(200)
      }
    }))
    const ms = performance.now() - started
    const statuses = await Promise.all(rivals)
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true)
    const { rows } = await f.t.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM incident WHERE id = ANY($1) GROUP BY status', [ids])
    expect(rows).toEqual([{ status: 'verified', n }])
    const events = await f.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident_event WHERE incident_id = ANY($1)', [ids])
    expect(events.rows[0].n).toBe(n * (1 + CHAIN.length)) // the report and one row per accepted step: a losing rival writes nothing
    const { status, body } = await verify()
    expect(status).toBe(200)
    expect(body).toMatchObject({ ok: true })
    console.log(`${kind}: ${n * CHAIN.length + n} concurrent actions in ${Math.round(ms)} ms, chain verified over ${body.events} events`)
  }, 300_000)

  it('names the row a superuser tampered with behind the trigger', async () => {
    const id = await f.reportIn('signed')
    const { rows } = await f.t.db.query<{ id: number }>('SELECT id FROM incident_event WHERE incident_id = $1 ORDER BY id OFFSET 2 LIMIT 1', [id])
    await f.t.db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE incident_event DISABLE TRIGGER incident_event_append_only')
      await tx.query(`UPDATE incident_event SET note = '改写' WHERE id = $1`, [rows[0].id])
      await tx.exec('ALTER TABLE incident_event ENABLE TRIGGER incident_event_append_only')
    })
    const { body } = await verify()
    expect(body).toMatchObject({ ok: false, firstBad: { eventId: rows[0].id, incidentId: id, problem: 'hash does not match the event' } })
  })

  it('refuses changes to the trail while the trigger is on', async () => {
    await expect(f.t.db.query(`UPDATE incident_event SET note = 'x' WHERE id = (SELECT min(id) FROM incident_event)`)).rejects.toThrow(/append-only/)
    await expect(f.t.db.query('DELETE FROM incident_event')).rejects.toThrow(/append-only/)
  })

  it.runIf(kind === 'postgres')('gives the application role no way to update or delete the trail, even with the trigger off', async () => {
    const grants = await f.t.db.query<Record<string, boolean>>(`SELECT
      has_table_privilege('wangge_app', 'incident_event', 'INSERT') AS event_insert,
      has_table_privilege('wangge_app', 'incident_event', 'UPDATE') AS event_update,
      has_table_privilege('wangge_app', 'incident_event', 'DELETE') AS event_delete,
      has_table_privilege('wangge_app', 'incident_event', 'TRUNCATE') AS event_truncate,
      has_table_privilege('wangge_app', 'incident', 'UPDATE') AS incident_update,
      has_table_privilege('wangge_app', 'supervision', 'INSERT') AS supervision_insert`)
    expect(grants.rows[0]).toEqual({ event_insert: true, event_update: false, event_delete: false, event_truncate: false, incident_update: true, supervision_insert: true })
    await expect(f.t.db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE incident_event DISABLE TRIGGER incident_event_append_only')
      await tx.exec('SET LOCAL ROLE wangge_app')
      await tx.query(`UPDATE incident_event SET note = 'x' WHERE id = (SELECT min(id) FROM incident_event)`)
    })).rejects.toThrow(/permission denied/)
    // As that role an action still works end to end: lock, update, chained insert.
    const id = await f.report()
    await f.t.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL ROLE wangge_app')
      await tx.query(`SELECT 1 FROM incident WHERE id = $1 FOR UPDATE`, [id])
      await tx.query(`UPDATE incident SET status = 'accepted' WHERE id = $1`, [id])
      await tx.query(`INSERT INTO incident_event (incident_id, action, from_status, to_status) VALUES ($1, 'accept', 'reported', 'accepted')`, [id])
    })
    expect((await verify()).body.firstBad?.incidentId).not.toBe(id)
  })
})
