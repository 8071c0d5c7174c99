// An incident's place in the closed loop as GET /api/incidents/{id} shows it: the step clock and
// its light, the counters, the timeline (its audit rows in order) and what the caller may do next.
// The caller must already have been shown the incident (read-incident.ts checks the scope).
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { allowedActions, factsOf, type Action, type Actor, type FactsRow, type IncidentFacts } from './incident-transitions.ts'
import { lightAt, type Light } from './step-deadline.ts'

const READ_STATE = sqlFile(import.meta.url, 'read-loop-state.sql')
const TIMELINE = sqlFile(import.meta.url, 'incident-timeline.sql')

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

export interface TimelineEntry {
  id: number
  at: string
  action: string
  from: string | null
  to: string | null
  note: string | null
  data: unknown
  actor: { role: string | null; username: string | null; name: string | null }
}

export interface LoopState {
  handlingLevel: string | null
  stepDueAt: string | null
  stepWarnAt: string | null
  light: Light | null
  steps: Record<'reviewedAt' | 'dispatchedAt' | 'signedAt' | 'handledAt' | 'verifiedAt' | 'closedAt' | 'evaluatedAt', string | null>
  counts: { rework: number; returns: number; extensions: number; escalations: number }
  selfResolved: boolean
  satisfaction: number | null
  mergedInto: string | null
  pendingExtension: { id: number; until: string; reason: string; requestedAt: string } | null
}

export async function readLoopState(db: Queryable, id: string, actor: Actor, now: Date) {
  const r = (await db.query<Record<string, any>>(READ_STATE, [id])).rows[0]
  if (!r) return null
  const facts: IncidentFacts = factsOf(r as FactsRow)
  const due = r.step_due_at ? new Date(r.step_due_at) : null
  const warn = r.step_warn_at ? new Date(r.step_warn_at) : null
  const p = r.pending_extension
  const loop: LoopState = {
    handlingLevel: r.handling_level,
    stepDueAt: iso(due),
    stepWarnAt: iso(warn),
    light: lightAt(now, warn, due),
    steps: {
      reviewedAt: iso(r.reviewed_at), dispatchedAt: iso(r.dispatched_at), signedAt: iso(r.signed_at), handledAt: iso(r.handled_at),
      verifiedAt: iso(r.verified_at), closedAt: iso(r.closed_at), evaluatedAt: iso(r.evaluated_at),
    },
    counts: { rework: Number(r.rework_count), returns: Number(r.return_count), extensions: Number(r.extension_count), escalations: Number(r.escalation_count) },
    selfResolved: r.self_resolved,
    satisfaction: r.satisfaction,
    mergedInto: r.merged_into,
    pendingExtension: p ? { id: Number(p.id), until: iso(p.until)!, reason: p.reason, requestedAt: iso(p.requested_at)! } : null,
  }
  const events = await db.query<Record<string, any>>(TIMELINE, [id])
  const timeline: TimelineEntry[] = events.rows.map((e) => ({
    id: Number(e.id), at: iso(e.at)!, action: e.action, from: e.from_status, to: e.to_status, note: e.note, data: e.data,
    actor: { role: e.actor_role, username: e.actor_username, name: e.actor_name },
  }))
  const allowed: Action[] = allowedActions(facts, actor)
  return { loop, timeline, allowedActions: allowed }
}
