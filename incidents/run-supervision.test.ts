// The clock of the loop with a controlled time: step deadlines, yellow and red lights, escalation
// one level per overdue window up to the city with a supervision record and the upper center's
// queue, and extensions that move the deadline only once approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openLoopFixture, type Account, type LoopFixture } from './loop.fixture.ts'
import { applyAction, type ActionInput } from './apply-action.ts'
import { readLoopState } from './read-loop-state.ts'
import { runSupervision } from './run-supervision.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import { findUser } from '../accounts/find-user.ts'
import type { Actor } from './incident-transitions.ts'

const at = (beijing: string) => new Date(`${beijing}+08:00`)

describe.each(TEST_ENGINES)('supervision with a controlled clock on %s', (kind) => {
  let f: LoopFixture
  const actors = new Map<Account, Actor>()
  beforeAll(async () => {
    f = await openLoopFixture(kind)
    for (const name of ['admin', 'town-320612001', 'department-citymgmt'] as Account[]) {
      const { passwordHash: _, stationCounties, ...user } = (await findUser(f.t.db, { username: name }))!
      actors.set(name, { user: { id: user.id, role: user.role }, jurisdiction: jurisdictionOf(user, stationCounties) })
    }
  })
  afterAll(() => f?.close())

  const act = (by: Account, id: string, input: ActionInput, now: string) => applyAction(f.t.db, id, input, actors.get(by)!, { now: at(now) })
  const loop = async (id: string, now: string) => (await readLoopState(f.t.db, id, actors.get('admin')!, at(now)))!.loop
  const queue = async (by: Account) => {
    const res = await f.t.app.request('/api/supervision', { headers: { authorization: `Bearer ${f.token[by]}` } })
    expect(res.status).toBe(200)
    return ((await res.json()) as { items: { incident: { id: string }; supervision: { toLevel: string } }[] }).items
  }

  it('gives each step its deadline in working time, yellow at 80% and red when overdue', async () => {
    const id = await f.report() // 0101: 8 working hours; the dispatch step gets 10% = 48 working minutes
    await act('town-320612001', id, { action: 'accept' }, '2026-12-07T09:00:00')
    expect(await loop(id, '2026-12-07T09:30:00')).toMatchObject({ stepDueAt: at('2026-12-07T09:48:00').toISOString(), light: 'green' })
    expect((await loop(id, '2026-12-07T09:38:24')).light).toBe('yellow')
    expect((await loop(id, '2026-12-07T09:48:00')).light).toBe('yellow')
    expect((await loop(id, '2026-12-07T09:48:01')).light).toBe('red')
    // Signing on a Friday afternoon: the handling step (the whole 8 hours) runs over the weekend.
    await act('town-320612001', id, { action: 'dispatch' }, '2026-12-11T15:50:00')
    await act('department-citymgmt', id, { action: 'sign' }, '2026-12-11T16:00:00')
    expect((await loop(id, '2026-12-11T16:00:00')).stepDueAt).toBe(at('2026-12-14T16:30:00').toISOString())
  })

  it('counts the handling step across the National Day holiday', async () => {
    const id = await f.report()
    await act('town-320612001', id, { action: 'accept' }, '2026-09-30T15:00:00')
    await act('town-320612001', id, { action: 'dispatch' }, '2026-09-30T15:30:00')
    await act('department-citymgmt', id, { action: 'sign' }, '2026-09-30T16:00:00')
    expect((await loop(id, '2026-09-30T16:00:00')).stepDueAt).toBe(at('2026-10-08T16:30:00').toISOString())
  })

  it('escalates an overdue incident one level per window: village → town → county → city', async () => {
    const id = await f.report() // a self-resolvable class: routed to the village level
    expect((await loop(id, '2026-12-07T09:00:00')).handlingLevel).toBe('village')
    await act('town-320612001', id, { action: 'accept' }, '2026-12-07T09:00:00') // dispatch due 09:48
    const levelAfter = async (now: string) => {
      await runSupervision(f.t.db, at(now))
      return (await loop(id, now)).handlingLevel
    }
    expect(await levelAfter('2026-12-07T09:47:00')).toBe('village') // not yet overdue
    expect(await levelAfter('2026-12-07T09:49:00')).toBe('town')
    expect(await queue('town-320612001')).toContainEqual(expect.objectContaining({ incident: expect.objectContaining({ id }) }))
    expect(await levelAfter('2026-12-07T10:30:00')).toBe('town') // within the window (48 working minutes)
    expect(await levelAfter('2026-12-07T10:38:00')).toBe('county')
    expect(await queue('county-320612')).toContainEqual(expect.objectContaining({ incident: expect.objectContaining({ id }), supervision: expect.objectContaining({ toLevel: 'county' }) }))
    expect((await queue('county-320623')).map((i) => i.incident.id)).not.toContain(id) // another county's center
    expect(await levelAfter('2026-12-07T11:27:00')).toBe('city')
    expect((await queue('city')).map((i) => i.incident.id)).toContain(id)
    expect(await levelAfter('2026-12-08T17:00:00')).toBe('city') // the top: no further climb
    const state = await loop(id, '2026-12-08T17:00:00')
    expect(state.counts.escalations).toBe(3)
    const { rows } = await f.t.db.query<{ from_level: string; to_level: string }>('SELECT from_level, to_level FROM supervision WHERE incident_id = $1 ORDER BY id', [id])
    expect(rows).toEqual([{ from_level: 'village', to_level: 'town' }, { from_level: 'town', to_level: 'county' }, { from_level: 'county', to_level: 'city' }])
    const events = await f.t.db.query<{ action: string; actor_role: string; actor_id: number | null }>(`SELECT action, actor_role, actor_id FROM incident_event WHERE incident_id = $1 AND action = 'escalate'`, [id])
    expect(events.rows).toEqual(Array(3).fill({ action: 'escalate', actor_role: 'system', actor_id: null }))
    // Now the city center is the hub: it dispatches, the town no longer may.
    expect((await f.act('town-320612001', id, { action: 'dispatch' })).status).toBe(403)
    expect((await f.act('city', id, { action: 'dispatch' })).status).toBe(200)
  })

  it('moves the deadline only when an extension is approved', async () => {
    const approved = await f.report()
    const refused = await f.report()
    for (const id of [approved, refused]) {
      await act('town-320612001', id, { action: 'accept' }, '2026-12-07T08:40:00')
      await act('town-320612001', id, { action: 'dispatch' }, '2026-12-07T08:50:00')
      await act('department-citymgmt', id, { action: 'sign' }, '2026-12-07T09:00:00') // handling due Tue 09:30
      await act('department-citymgmt', id, { action: 'request-extension', until: '2026-12-09T17:00:00+08:00', reason: '需协调' }, '2026-12-07T10:00:00')
      expect((await loop(id, '2026-12-07T10:00:00')).stepDueAt).toBe(at('2026-12-08T09:30:00').toISOString()) // not moved yet
    }
    await act('town-320612001', approved, { action: 'approve-extension' }, '2026-12-07T11:00:00')
    await act('town-320612001', refused, { action: 'refuse-extension', reason: '可按期完成' }, '2026-12-07T11:00:00')
    expect(await loop(approved, '2026-12-08T10:00:00')).toMatchObject({ stepDueAt: at('2026-12-09T17:00:00').toISOString(), light: 'green', counts: { extensions: 1 } })
    expect(await loop(refused, '2026-12-08T10:00:00')).toMatchObject({ stepDueAt: at('2026-12-08T09:30:00').toISOString(), light: 'red', counts: { extensions: 0 } })
    await runSupervision(f.t.db, at('2026-12-08T10:00:00'))
    expect((await loop(approved, '2026-12-08T10:00:00')).counts.escalations).toBe(0)
    expect((await loop(refused, '2026-12-08T10:00:00')).counts.escalations).toBe(1)
    const { rows } = await f.t.db.query<{ incident_id: string; state: string }>('SELECT incident_id, state FROM extension_request WHERE incident_id = ANY($1)', [[approved, refused]])
    expect(new Map(rows.map((r) => [r.incident_id, r.state]))).toEqual(new Map([[approved, 'approved'], [refused, 'refused']]))
  })

  it('gives an incident loaded without a step deadline (an import, old history) one on the next sweep', async () => {
    const id = await f.report()
    expect((await loop(id, '2026-12-07T09:00:00')).stepDueAt).not.toBeNull() // intake sets the review deadline
    await f.t.db.query('UPDATE incident SET step_due_at = NULL, step_warn_at = NULL WHERE id = $1', [id])
    expect((await loop(id, '2026-12-07T09:00:00')).stepDueAt).toBeNull()
    const run = await runSupervision(f.t.db, new Date())
    expect(run.deadlinesSet).toBeGreaterThanOrEqual(1)
    expect((await loop(id, '2026-12-07T09:00:00')).stepDueAt).not.toBeNull()
  })

  it('gives a loaded deadline without a yellow-light time one at 80% of the way', async () => {
    const id = await f.report()
    await f.t.db.query(`UPDATE incident SET status = 'accepted', reviewed_at = $2, step_due_at = $3, step_warn_at = NULL WHERE id = $1`,
      [id, at('2026-12-07T09:00:00'), at('2026-12-07T19:00:00')])
    await runSupervision(f.t.db, at('2026-12-07T09:00:00'))
    expect(await loop(id, '2026-12-07T17:00:00')).toMatchObject({ stepWarnAt: at('2026-12-07T17:00:00').toISOString(), light: 'yellow' })
  })

  it('runs on demand for the admin and the city center only', async () => {
    const post = (by: Account) => f.t.app.request('/api/supervision/run', { method: 'POST', headers: { authorization: `Bearer ${f.token[by]}` } })
    expect((await post('city')).status).toBe(200)
    expect((await post('county-320612')).status).toBe(403)
  })
})
