// One step of the closed loop, in one transaction: lock the incident row (inside the caller's
// jurisdiction), check the transition table (incident-transitions.ts) for the state and the
// caller's relation to the incident, write the new state with its step timestamps, deadline and
// counters, and append the audit row (the trigger chains its hash). Escalation (督办) goes through
// here too, as the system actor, with its supervision record.
import type { Database, Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from './incident-scope.ts'
import {
  PARTY_ROLES, TRANSITIONS, levelAbove, refusal, targetStatus, allowedActions, factsOf, type Action, type Actor, type FactsRow, type IncidentFacts,
  type Level, type Status,
} from './incident-transitions.ts'
import { deadlineForStatus, STEP_OF_STATUS, STEP_SHARES, type CategoryLimit } from './step-deadline.ts'
import { addWorkingTime, workingCalendarOf, type WorkingCalendar } from './working-calendar.ts'
import type { TimeLimitUnit } from './working-calendar.ts'

const LOCK = sqlFile(import.meta.url, 'lock-incident-for-action.sql')
const UPDATE = sqlFile(import.meta.url, 'update-incident-loop.sql')
const RECORD = sqlFile(import.meta.url, 'record-action-event.sql')
const MERGE_TARGET = `SELECT i.id, i.status FROM incident i WHERE i.id = $1 AND ({{scope}})`
const DEPARTMENT_EXISTS = 'SELECT 1 FROM department WHERE code = $1'
const PHOTOS_OF = 'SELECT id FROM incident_photo WHERE incident_id = $1 AND id = ANY($2::bigint[])'
const INSERT_EXTENSION = `INSERT INTO extension_request (incident_id, requested_by, requested_at, until, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`
const DECIDE_EXTENSION = `UPDATE extension_request SET state = $2, decided_by = $3, decided_at = $4, decision = $5 WHERE id = $1`
const INSERT_SUPERVISION = `INSERT INTO supervision (incident_id, at, status, step_due_at, from_level, to_level, next_at)
                            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`
const SUPERVISED_SINCE = 'SELECT 1 FROM supervision WHERE incident_id = $1 AND next_at > $2'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Where a dispatch sends the incident: a department, the station holding the point, or its grid's workers. */
export type DispatchTarget = { kind: 'department'; code: string } | { kind: 'station' } | { kind: 'grid' }

export type ActionInput =
  | { action: 'accept' | 'sign' | 'close' | 'approve-extension'; note?: string }
  | { action: 'reject' | 'return' | 'refuse-extension' | 'reopen'; reason: string }
  | { action: 'merge'; into: string; note?: string }
  | { action: 'dispatch'; to?: DispatchTarget; note?: string }
  | { action: 'reassign'; to: DispatchTarget; reason: string }
  | { action: 'handle' | 'self-resolve'; feedback: string; photoIds?: number[] }
  | { action: 'request-extension'; until: string; reason: string }
  | { action: 'verify'; result: 'pass' | 'fail'; note?: string }
  | { action: 'evaluate'; satisfaction: number; note?: string }
  | { action: 'shelve'; reason: string; approvedBy: string }
  | { action: 'escalate' }

/** Why an action was refused; the API maps each kind to its status. */
export class ActionRefused extends Error {
  constructor(
    readonly kind: 'not-found' | 'role' | 'party' | 'state' | 'invalid',
    message: string,
    readonly extra: { allowed?: Action[]; field?: string } = {},
  ) {
    super(message)
  }
}

export interface ActionOutcome {
  id: string
  action: Action
  from: Status
  to: Status
  eventId: number
  allowedActions: Action[]
}

interface LockedRow extends FactsRow {
  id: string
  reporter_id: number | null
  station_code: string | null
  time_limit: number
  time_limit_unit: TimeLimitUnit
  pending_extension: { id: number; until: string; reason: string } | null
  [column: string]: unknown
}


const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string))

export interface ApplyOptions {
  now: Date
  calendar?: WorkingCalendar // loaded from the database when absent
}

export async function applyAction(db: Database, id: string, input: ActionInput, actor: Actor, opts: ApplyOptions): Promise<ActionOutcome> {
  const action = input.action
  const rule = TRANSITIONS[action]
  if (actor.user && !PARTY_ROLES[rule.by].includes(actor.user.role)) {
    throw new ActionRefused('role', `A ${actor.user.role} cannot ${action} an incident.`)
  }
  if (!UUID.test(id)) throw new ActionRefused('not-found', `No incident ${id} in your jurisdiction.`)
  const calendar = opts.calendar ?? (await workingCalendarOf(db))
  return db.transaction(async (tx) => {
    const params: unknown[] = [id, actor.user?.id ?? null]
    const scope = actor.user ? scopePredicate(actor.jurisdiction, INCIDENT_SCOPE, params) : 'TRUE'
    const row = (await tx.query<LockedRow>(LOCK.replace('{{scope}}', () => scope), params)).rows[0]
    if (!row) throw new ActionRefused('not-found', `No incident ${id} in your jurisdiction.`)
    const facts = factsOf(row)
    const refused = refusal(action, facts, actor)
    if (refused?.kind === 'state') {
      throw new ActionRefused('state', `An incident that is ${facts.status} cannot be ${action === 'escalate' ? 'escalated' : `given "${action}"`}${stateHint(action, facts)}.`, { allowed: refused.allowed })
    }
    if (refused) throw new ActionRefused('party', partyMessage(action, facts))

    const now = opts.now
    const limit: CategoryLimit = { timeLimit: Number(row.time_limit), timeLimitUnit: row.time_limit_unit }
    const to = targetStatus(action, facts.status, input.action === 'verify' ? input.result : undefined)
    const next = {
      status: to,
      handling_level: row.handling_level,
      department_code: row.department_code,
      assignee_kind: row.assignee_kind,
      assignee: row.assignee,
      merged_into: row.merged_into as string | null,
      due_at: date(row.due_at),
      closed_at: date(row.closed_at),
      satisfaction: row.satisfaction as number | null,
      self_resolved: row.self_resolved as boolean,
      reviewed_at: date(row.reviewed_at),
      dispatched_at: date(row.dispatched_at),
      signed_at: date(row.signed_at),
      handled_at: date(row.handled_at),
      verified_at: date(row.verified_at),
      evaluated_at: date(row.evaluated_at),
      step_due_at: date(row.step_due_at),
      step_warn_at: date(row.step_warn_at),
      rework_count: Number(row.rework_count),
      return_count: Number(row.return_count),
      extension_count: Number(row.extension_count),
      escalation_count: Number(row.escalation_count),
    }
    let note: string | null = null
    let data: Record<string, unknown> | null = null
    let supervision: { fromLevel: Level; toLevel: Level; nextAt: Date } | null = null

    switch (input.action) {
      case 'accept':
        next.reviewed_at = now
        note = input.note ?? null
        break
      case 'reject':
        next.reviewed_at = now
        note = input.reason
        break
      case 'merge': {
        if (input.into.toLowerCase() === id) throw new ActionRefused('invalid', 'An incident cannot be merged into itself.', { field: 'into' })
        const p: unknown[] = [input.into.toLowerCase()]
        const s = actor.user ? scopePredicate(actor.jurisdiction, INCIDENT_SCOPE, p) : 'TRUE'
        const target = (await tx.query<{ id: string; status: Status }>(MERGE_TARGET.replace('{{scope}}', () => s), p)).rows[0]
        if (!target) throw new ActionRefused('invalid', `No incident ${input.into} in your jurisdiction to merge into.`, { field: 'into' })
        if (['merged', 'rejected'].includes(target.status)) {
          throw new ActionRefused('invalid', `Incident ${input.into} is ${target.status}: merge into the report it was merged into or a live one.`, { field: 'into' })
        }
        next.reviewed_at = now
        next.merged_into = target.id
        note = input.note ?? null
        data = { into: target.id }
        break
      }
      case 'dispatch':
      case 'reassign': {
        const target = input.to ?? (row.assignee_kind === 'station' ? { kind: 'station' as const } : { kind: 'department' as const, code: row.department_code ?? '' })
        Object.assign(next, await receiverColumns(tx, target, row))
        next.dispatched_at = now
        if (input.action === 'reassign') next.signed_at = null // the new unit signs again
        note = input.action === 'dispatch' ? (input.note ?? null) : input.reason
        data = { to: { kind: target.kind, code: next.assignee_kind === null ? next.department_code : next.assignee } }
        break
      }
      case 'sign':
        next.signed_at = now
        note = input.note ?? null
        break
      case 'handle':
      case 'self-resolve': {
        const photoIds = [...new Set(input.photoIds ?? [])]
        if (photoIds.length) {
          const found = (await tx.query<{ id: number }>(PHOTOS_OF, [id, photoIds])).rows.map((r) => Number(r.id))
          const missing = photoIds.filter((p) => !found.includes(p))
          if (missing.length) throw new ActionRefused('invalid', `Photos ${missing.join(', ')} are not on this incident: upload them first.`, { field: 'photoIds' })
        }
        next.handled_at = now
        if (input.action === 'self-resolve') {
          next.self_resolved = true
          next.closed_at = now
          next.handling_level = 'village'
        }
        note = input.feedback
        data = photoIds.length ? { photoIds } : null
        break
      }
      case 'return':
        next.return_count += 1
        next.assignee_kind = null // back at the hub, which dispatches again
        next.assignee = null
        note = input.reason
        break
      case 'request-extension': {
        const until = new Date(input.until)
        const current = next.step_due_at ?? now
        if (!(until.getTime() > Math.max(current.getTime(), now.getTime()))) {
          throw new ActionRefused('invalid', `Ask for a deadline after the current one (${current.toISOString()}).`, { field: 'until' })
        }
        const ext = await tx.query<{ id: number }>(INSERT_EXTENSION, [id, actor.user?.id ?? null, now, until, input.reason])
        note = input.reason
        data = { extensionId: Number(ext.rows[0].id), until: until.toISOString(), stepDueAt: current.toISOString() }
        break
      }
      case 'approve-extension':
      case 'refuse-extension': {
        const pending = row.pending_extension!
        const approve = input.action === 'approve-extension'
        const said = 'reason' in input ? input.reason : (input.note ?? null)
        await tx.query(DECIDE_EXTENSION, [pending.id, approve ? 'approved' : 'refused', actor.user?.id ?? null, now, said])
        if (approve) {
          const until = new Date(pending.until)
          const lead = next.step_due_at && next.step_warn_at ? next.step_due_at.getTime() - next.step_warn_at.getTime() : 0
          next.step_warn_at = new Date(Math.max(now.getTime(), until.getTime() - lead)) // the same warning ahead of the new deadline
          next.step_due_at = until
          if (!next.due_at || next.due_at < until) next.due_at = until
          next.extension_count += 1
        }
        note = said
        data = { extensionId: Number(pending.id), until: new Date(pending.until).toISOString() }
        break
      }
      case 'verify':
        if (input.result === 'pass') next.verified_at = now
        else {
          next.rework_count += 1
          next.dispatched_at = now // back to the same unit, to sign and handle again
        }
        note = input.note ?? null
        data = { result: input.result }
        break
      case 'close':
        next.closed_at = now
        note = input.note ?? null
        break
      case 'evaluate':
        next.satisfaction = input.satisfaction
        next.evaluated_at = now
        note = input.note ?? null
        data = { satisfaction: input.satisfaction }
        break
      case 'shelve':
        note = input.reason
        data = { approvedBy: input.approvedBy }
        break
      case 'reopen':
        next.closed_at = null
        next.verified_at = null
        next.satisfaction = null
        next.evaluated_at = null
        next.merged_into = null
        note = input.reason
        break
      case 'escalate': {
        const from = row.handling_level ?? 'town'
        const up = levelAbove(from)
        if (!up) throw new ActionRefused('invalid', 'The incident is already supervised by the city.')
        if (!next.step_due_at || next.step_due_at.getTime() >= now.getTime()) throw new ActionRefused('invalid', 'Only an overdue step is escalated.')
        if ((await tx.query(SUPERVISED_SINCE, [id, now])).rows[0]) throw new ActionRefused('invalid', 'The incident was escalated within the current supervision window.')
        next.handling_level = up
        next.escalation_count += 1
        const step = STEP_OF_STATUS[facts.status]!
        // Another full step limit before it may climb again.
        supervision = { fromLevel: from, toLevel: up, nextAt: addWorkingTime(calendar, now, limit.timeLimit * STEP_SHARES[step], limit.timeLimitUnit) }
        data = { fromLevel: from, toLevel: up, stepDueAt: next.step_due_at.toISOString() }
        break
      }
    }

    // Entering a new state starts that step's clock; staying keeps it.
    if (to !== facts.status || action === 'reassign' || (action === 'verify' && to === 'dispatched')) {
      const d = deadlineForStatus(calendar, limit, to, now)
      next.step_due_at = d.dueAt
      next.step_warn_at = d.warnAt
    }

    await tx.query(UPDATE, [id, next.status, next.handling_level, next.department_code, next.assignee_kind, next.assignee,
      next.merged_into, next.due_at, next.closed_at, next.satisfaction, next.self_resolved, next.reviewed_at, next.dispatched_at,
      next.signed_at, next.handled_at, next.verified_at, next.evaluated_at, next.step_due_at, next.step_warn_at,
      next.rework_count, next.return_count, next.extension_count, next.escalation_count])
    if (supervision) {
      const s = await tx.query<{ id: number }>(INSERT_SUPERVISION, [id, now, facts.status, row.step_due_at, supervision.fromLevel, supervision.toLevel, supervision.nextAt])
      data = { ...data, supervisionId: Number(s.rows[0].id) }
    }
    const event = await tx.query<{ id: number }>(RECORD, [id, now, actor.user?.id ?? null, actor.user?.role ?? 'system', action,
      facts.status, to, note, data && JSON.stringify(data)])
    const after: IncidentFacts = {
      ...facts, status: to, handlingLevel: next.handling_level, departmentCode: next.department_code,
      assigneeKind: next.assignee_kind, assignee: next.assignee,
      pendingExtension: action === 'request-extension' || (facts.pendingExtension && !action.endsWith('-extension')),
    }
    return { id, action, from: facts.status, to, eventId: Number(event.rows[0].id), allowedActions: allowedActions(after, actor) }
  })
}

/** The receiver columns for a dispatch target; 422 for a target that does not exist or does not fit. */
async function receiverColumns(tx: Queryable, target: DispatchTarget, row: LockedRow) {
  switch (target.kind) {
    case 'department':
      if (!(await tx.query(DEPARTMENT_EXISTS, [target.code])).rows[0]) {
        throw new ActionRefused('invalid', `No department "${target.code}".`, { field: 'to.code' })
      }
      return { department_code: target.code, assignee_kind: null, assignee: null }
    case 'station':
      if (!row.station_code) throw new ActionRefused('invalid', 'The point lies in no station\'s jurisdiction: dispatch to a department.', { field: 'to.kind' })
      return { assignee_kind: 'station' as const, assignee: row.station_code }
    case 'grid':
      if (!row.grid_code) throw new ActionRefused('invalid', 'The point lies in no grid: dispatch to a department or station.', { field: 'to.kind' })
      return { assignee_kind: 'grid' as const, assignee: row.grid_code }
  }
}

function stateHint(action: Action, f: IncidentFacts): string {
  if (action.endsWith('-extension') && TRANSITIONS[action].from.includes(f.status as never)) {
    return f.pendingExtension ? ' while an extension request is pending' : ' without a pending extension request'
  }
  if (action === 'self-resolve' && f.status === 'reported') return ': its category is not one a grid worker settles alone'
  return ''
}

function partyMessage(action: Action, f: IncidentFacts): string {
  switch (TRANSITIONS[action].by) {
    case 'hub': return `Only the ${f.handlingLevel === 'county' || f.handlingLevel === 'city' ? f.handlingLevel : 'town/street'} center handling this incident may ${action} it.`
    case 'receiver': return `Only the unit this incident is dispatched to may ${action} it.`
    case 'verifier': return 'Only the grid worker of its grid, its village center or the handling center may re-check it.'
    case 'evaluator': return 'Only its reporter or the hotline follow-up may rate it.'
    case 'selfResolver': return 'Only the grid worker who reported it, in their own grid, may settle it alone.'
    case 'system': return 'Only the supervision scheduler escalates incidents.'
  }
}
