// POST /api/incidents/{id}/actions through the real app on both engines: every allowed transition,
// a sample of forbidden ones (409 with what is allowed), and who may act (403) and see (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openLoopFixture, REPORTER, type Account, type LoopFixture } from '../incidents/loop.fixture.ts'
import { TRANSITIONS, type Action, type Status } from '../incidents/incident-transitions.ts'

/** A valid body for each action (verify: pass; the fail branch has its own test). */
const BODY: Record<Exclude<Action, 'merge'>, Record<string, unknown>> = {
  accept: { action: 'accept' },
  reject: { action: 'reject', reason: '非本辖区事项' },
  dispatch: { action: 'dispatch' },
  reassign: { action: 'reassign', to: { kind: 'department', code: 'civil' }, reason: '职责调整' },
  sign: { action: 'sign' },
  handle: { action: 'handle', feedback: '已清理完毕' },
  return: { action: 'return', reason: '不属于本单位职责' },
  'request-extension': { action: 'request-extension', until: '2099-01-01T00:00:00+08:00', reason: '需协调多部门' },
  'approve-extension': { action: 'approve-extension' },
  'refuse-extension': { action: 'refuse-extension', reason: '理由不充分' },
  verify: { action: 'verify', result: 'pass' },
  close: { action: 'close' },
  evaluate: { action: 'evaluate', satisfaction: 4 },
  shelve: { action: 'shelve', reason: '需专项资金', approvedBy: '街道分管领导' },
  reopen: { action: 'reopen', reason: '群众再次反映' },
  'self-resolve': { action: 'self-resolve', feedback: '现场已处理' },
  escalate: { action: 'escalate' },
}

const EVERY_TRANSITION = (Object.keys(TRANSITIONS) as Action[])
  .filter((a) => a !== 'escalate') // the scheduler's: incidents/run-supervision.test.ts
  .flatMap((action) => TRANSITIONS[action].from.map((from) => [action, from as Status] as const))

describe.each(TEST_ENGINES)('the closed loop on %s', (kind) => {
  let f: LoopFixture
  beforeAll(async () => {
    f = await openLoopFixture(kind)
  })
  afterAll(() => f?.close())

  const bodyFor = async (action: Action, id: string) => (action === 'merge' ? { action, into: await f.report() } : BODY[action])
  /** An incident in `from`, with an extension pending when the action needs one. */
  async function incidentFor(action: Action, from: Status) {
    const id = await f.reportIn(from)
    if (action === 'approve-extension' || action === 'refuse-extension') await f.step('department-citymgmt', id, BODY['request-extension'])
    return id
  }

  it('walks the whole loop with the right hands, recording each step', async () => {
    const id = await f.report()
    const steps: [Account, Record<string, unknown>][] = [
      ['town-320612001', { action: 'accept' }],
      ['town-320612001', { action: 'dispatch' }],
      ['department-citymgmt', { action: 'sign' }],
      ['department-citymgmt', { action: 'handle', feedback: '已清理' }],
      ['worker-320612001001001', { action: 'verify', result: 'fail', note: '仍有残留' }],
      ['department-citymgmt', { action: 'sign' }],
      ['department-citymgmt', { action: 'handle', feedback: '已彻底清理' }],
      ['village-320612001001', { action: 'verify', result: 'pass' }],
      ['town-320612001', { action: 'close' }],
      [REPORTER, { action: 'evaluate', satisfaction: 5 }],
    ]
    const statuses = []
    for (const [by, body] of steps) statuses.push((await f.step(by, id, body)).to)
    expect(statuses).toEqual(['accepted', 'dispatched', 'signed', 'handled', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated'])
    const view = await f.get('town-320612001', id)
    expect(view.status).toBe('evaluated')
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['report', ...steps.map(([, b]) => b.action)])
    expect(view.timeline[5]).toMatchObject({ from: 'handled', to: 'dispatched', data: { result: 'fail' }, note: '仍有残留', actor: { username: REPORTER } })
    expect(view.loop).toMatchObject({ counts: { rework: 1, returns: 0, extensions: 0, escalations: 0 }, satisfaction: 5, selfResolved: false, stepDueAt: null, light: null })
    for (const at of Object.values(view.loop.steps)) expect(at).toEqual(expect.any(String))
    expect(view.allowedActions).toEqual(['reopen']) // the town may reopen a finished incident
  })

  it.each(EVERY_TRANSITION)('allows %s from %s', async (action, from) => {
    const id = await incidentFor(action, from)
    const by: Account = action === 'self-resolve' ? REPORTER : 'admin'
    const res = await f.act(by, id, await bodyFor(action, id))
    expect(res.status, await res.clone().text()).toBe(200)
    const out = (await res.json()) as { from: string; to: string }
    const to = TRANSITIONS[action].to
    expect(out.from).toBe(from)
    expect(out.to).toBe(to === 'same' ? from : typeof to === 'string' ? to : to.pass)
    expect((await f.get('admin', id)).status).toBe(out.to)
  })

  it.each([
    ['sign', 'reported', ['accept', 'reject', 'merge']],
    ['close', 'dispatched', ['reassign', 'sign', 'return', 'request-extension', 'shelve']],
    ['dispatch', 'closed', ['evaluate', 'reopen']],
    ['evaluate', 'handled', ['verify', 'shelve']],
    ['accept', 'shelved', ['reopen']],
    ['approve-extension', 'signed', ['reassign', 'handle', 'return', 'request-extension', 'shelve']],
    ['reopen', 'merged', []],
  ] as [Action, Status, Action[]][])('refuses %s from %s with a 409 listing what is allowed', async (action, from, allowed) => {
    const id = await f.reportIn(from)
    const before = (await f.get('admin', id)).timeline.length
    const res = await f.act('admin', id, await bodyFor(action, id))
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ type: '/problems/conflict', allowedActions: allowed })
    expect((await f.get('admin', id)).timeline).toHaveLength(before)
  })

  it('refuses a second extension request while one is pending, and self-resolution of a category that does not allow it', async () => {
    const id = await f.reportIn('signed')
    await f.step('department-citymgmt', id, BODY['request-extension'])
    expect((await f.act('department-citymgmt', id, BODY['request-extension'])).status).toBe(409)
    const police = await f.report({ category: '0801' })
    const res = await f.act(REPORTER, police, BODY['self-resolve'])
    expect(res.status).toBe(409)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/not one a grid worker settles alone/)
  })

  it('self-resolves (自处置): reported and closed by the same grid worker, counted apart', async () => {
    const id = await f.report()
    expect((await f.step(REPORTER, id, BODY['self-resolve'])).to).toBe('closed')
    const view = await f.get(REPORTER, id)
    expect(view.loop).toMatchObject({ selfResolved: true, handlingLevel: 'village' })
    expect(view.loop.steps.closedAt).toEqual(view.loop.steps.handledAt)
    expect(view.timeline.map((e: { actor: { username: string } }) => e.actor.username)).toEqual([REPORTER, REPORTER])
  })

  it('returns (退单) to the hub, which dispatches again; counts the return', async () => {
    const id = await f.reportIn('signed')
    expect((await f.step('department-citymgmt', id, BODY.return)).to).toBe('accepted')
    expect((await f.get('town-320612001', id)).allowedActions).toContain('dispatch')
    await f.step('town-320612001', id, { action: 'dispatch', to: { kind: 'department', code: 'civil' } })
    expect((await f.step('department-civil', id, BODY.sign)).to).toBe('signed')
    expect((await f.get('admin', id)).loop.counts.returns).toBe(1)
  })

  it('dispatches a police matter to the station holding the point, which alone signs it', async () => {
    const id = await f.report({ category: '0801' })
    await f.step('town-320612001', id, BODY.accept)
    expect((await f.step('town-320612001', id, BODY.dispatch)).allowedActions).toEqual(['reassign', 'shelve']) // the town may only redirect
    expect((await f.act('department-police110', id, BODY.sign)).status).toBe(403)
    expect((await f.step('station-320612510100', id, BODY.sign)).to).toBe('signed')
  })

  it('refuses bad bodies with a 422 naming the field', async () => {
    const id = await f.reportIn('closed')
    for (const [body, field] of [
      [{ action: 'evaluate', satisfaction: 6 }, 'satisfaction'],
      [{ action: 'reopen' }, 'reason'],
      [{ action: 'fly' }, 'action'],
      [{ action: 'reopen', reason: '   ' }, 'reason'],
      [{ action: 'dispatch', to: { kind: 'station', code: '320612510100' } }, 'to'], // the point's station, not a chosen one
    ] as const) {
      const res = await f.act('admin', id, body)
      expect(res.status).toBe(422)
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field)
    }
    const other = await f.reportIn('reported')
    const merge = await f.act('admin', other, { action: 'merge', into: other })
    expect(merge.status).toBe(422)
    const accepted = await f.reportIn('accepted')
    expect((await f.act('admin', accepted, { action: 'dispatch', to: { kind: 'department', code: 'nosuch' } })).status).toBe(422)
    const signed = await f.reportIn('signed')
    const photo = await f.act('admin', signed, { action: 'handle', feedback: 'x', photoIds: [999999] })
    expect(photo.status).toBe(422)
    expect(((await photo.json()) as { errors: { field: string }[] }).errors[0].field).toBe('photoIds')
  })

  it('refuses an extension to a time it could not print back, and leaves the incident readable', async () => {
    const id = await f.reportIn('signed')
    for (const until of ['+010000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:00', '2100-01-01T00:00:00Z']) {
      const res = await f.act('department-citymgmt', id, { action: 'request-extension', until, reason: '等材料' })
      expect(res.status).toBe(422)
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('until')
    }
    expect((await f.get('admin', id)).loop.pendingExtension).toBeNull()
  })

  // Who may act: for each action, the caller who may (200), callers with the role but not this
  // incident's relation (403), callers without the role (403), and callers outside (404).
  const WHO: [Action, Status, Account, number][] = [
    ['accept', 'reported', 'town-320612001', 200],
    ['accept', 'reported', 'town-320623100', 404],
    ['accept', 'reported', 'county-320612', 403],
    ['accept', 'reported', 'city', 403],
    ['accept', 'reported', 'county-320623', 404],
    ['accept', 'reported', 'department-citymgmt', 403],
    ['accept', 'reported', 'village-320612001001', 403],
    ['accept', 'reported', 'worker-320612001001001', 403],
    ['accept', 'reported', 'gridoffice', 403],
    ['reject', 'reported', 'town-320612001', 200],
    ['reject', 'reported', 'station-320612510100', 403],
    ['merge', 'reported', 'town-320612001', 200],
    ['merge', 'reported', 'town-320623100', 404],
    ['dispatch', 'accepted', 'town-320612001', 200],
    ['dispatch', 'accepted', 'county-320612', 403],
    ['dispatch', 'accepted', 'town-320623100', 404],
    ['reassign', 'signed', 'town-320612001', 200],
    ['reassign', 'signed', 'department-citymgmt', 403],
    ['sign', 'dispatched', 'department-citymgmt', 200],
    ['sign', 'dispatched', 'department-police110', 404],
    ['sign', 'dispatched', 'station-320612510100', 403],
    ['sign', 'dispatched', 'worker-320612001001001', 403],
    ['sign', 'dispatched', 'town-320612001', 403],
    ['handle', 'signed', 'department-citymgmt', 200],
    ['handle', 'signed', 'department-civil', 404],
    ['handle', 'signed', 'city', 403],
    ['return', 'dispatched', 'department-citymgmt', 200],
    ['return', 'dispatched', 'station-320612510100', 403],
    ['request-extension', 'signed', 'department-citymgmt', 200],
    ['request-extension', 'signed', 'town-320612001', 403],
    ['approve-extension', 'signed', 'town-320612001', 200],
    ['approve-extension', 'signed', 'department-citymgmt', 403],
    ['approve-extension', 'signed', 'town-320623100', 404],
    ['refuse-extension', 'signed', 'town-320612001', 200],
    ['refuse-extension', 'signed', 'county-320612', 403],
    ['verify', 'handled', 'worker-320612001001001', 200],
    ['verify', 'handled', 'village-320612001001', 200],
    ['verify', 'handled', 'town-320612001', 200],
    ['verify', 'handled', 'worker-320612001001002', 404],
    ['verify', 'handled', 'department-citymgmt', 403],
    ['verify', 'handled', 'station-320612510100', 403],
    ['close', 'verified', 'town-320612001', 200],
    ['close', 'verified', 'worker-320612001001001', 403],
    ['close', 'verified', 'town-320623100', 404],
    ['evaluate', 'closed', 'worker-320612001001001', 200],
    ['evaluate', 'closed', 'city', 200],
    ['evaluate', 'closed', 'worker2-320612001001001', 403],
    ['evaluate', 'closed', 'worker-320612001001002', 404],
    ['evaluate', 'closed', 'department-citymgmt', 403],
    ['shelve', 'accepted', 'town-320612001', 200],
    ['shelve', 'accepted', 'county-320612', 403],
    ['reopen', 'shelved', 'town-320612001', 200],
    ['reopen', 'shelved', 'department-citymgmt', 403],
    ['self-resolve', 'reported', 'worker-320612001001001', 200],
    ['self-resolve', 'reported', 'worker2-320612001001001', 403],
    ['self-resolve', 'reported', 'worker-320612001001002', 404],
    ['self-resolve', 'reported', 'town-320612001', 403],
    ['reject', 'reported', 'town-320623100', 404],
    ['merge', 'reported', 'county-320612', 403],
    ['reassign', 'dispatched', 'town-320623100', 404],
    ['reassign', 'dispatched', 'station-320612510100', 403],
    ['return', 'signed', 'department-civil', 404],
    ['request-extension', 'dispatched', 'department-civil', 404],
    ['request-extension', 'dispatched', 'worker-320612001001001', 403],
    ['close', 'verified', 'county-320612', 403],
    ['evaluate', 'closed', 'town-320612001', 200],
    ['shelve', 'handled', 'town-320623100', 404],
    ['shelve', 'signed', 'department-citymgmt', 403],
    ['reopen', 'closed', 'county-320612', 403],
    ['reopen', 'rejected', 'town-320612001', 200],
    ['escalate', 'reported', 'admin', 403],
    ['escalate', 'reported', 'city', 403],
  ]
  it.each(WHO)('%s from %s by %s → %i', async (action, from, by, status) => {
    const id = await incidentFor(action, from)
    const before = (await f.get('admin', id)).timeline.length
    const res = await f.act(by, id, await bodyFor(action, id))
    expect(res.status, await res.clone().text()).toBe(status)
    expect((await f.get('admin', id)).timeline).toHaveLength(status === 200 ? before + 1 : before) // a refusal writes nothing
  })

  it('hands the hub role to the county center once the event is escalated there', async () => {
    const id = await f.report()
    await f.t.db.query(`UPDATE incident SET handling_level = 'county' WHERE id = $1`, [id])
    expect((await f.act('town-320612001', id, BODY.accept)).status).toBe(403)
    expect((await f.act('county-320623', id, BODY.accept)).status).toBe(404)
    expect((await f.get('county-320612', id)).allowedActions).toEqual(['accept', 'reject', 'merge'])
    expect((await f.act('county-320612', id, BODY.accept)).status).toBe(200)
  })

  it('shows the caller what they may do next', async () => {
    const id = await f.reportIn('reported')
    expect((await f.get('town-320612001', id)).allowedActions).toEqual(['accept', 'reject', 'merge'])
    expect((await f.get(REPORTER, id)).allowedActions).toEqual(['self-resolve'])
    expect((await f.get('department-citymgmt', id)).allowedActions).toEqual([])
  })
})
