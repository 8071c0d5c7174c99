// Where each synthetic incident stands in the closed loop, and the history that got it there. The
// totals are the source city's (50,600 reports, 49,743 routed, 42,281 closed: 85.0%; the source
// says 85.5%, which does not follow from its own two numbers), scaled; older incidents are the
// closed ones, the newest are still waiting for review, and rejections, merges and shelving happen
// at any age.
import type { SeededRandom } from './seeded-random.ts'
import type { Category } from './taxonomy.ts'

const TOTAL = 50_600               // reports in the 9-month window
const ROUTED = 49_743              // dispatched or further
const CLOSED = 42_281              // closed or evaluated
const NOT_ROUTED_SHARES = { rejected: 0.45, merged: 0.35, accepted: 0.12 }  // rest: reported
const OPEN_SHARES = { shelved: 0.06, verified: 0.14, handled: 0.3, signed: 0.22 }  // rest: dispatched
const EVALUATED_SHARE = 0.6        // closed ones the reporter rated
const AGE_NOISE_DAYS = 10          // how far an incident's age may be "out of turn" in the queue
const SELF_RESOLVE_SHARE = 0.55    // self-resolvable incidents the village settled itself
const LATE_SHARE = 0.12            // closed after their due time
const ESCALATION = [['town', 0.8], ['county', 0.16], ['city', 0.04]] as const  // handling level
const SATISFACTION = [[5, 0.55], [4, 0.3], [3, 0.1], [2, 0.03], [1, 0.02]] as const
const HOUR_MS = 3_600_000          // one hour in ms
const WORKING_WEEK = 7 / 5         // calendar time per unit of working time
const WORKING_DAY_HOURS = 24 / 8   // a working hour stands for three calendar hours (8-hour day)

export type IncidentStatus = 'reported' | 'accepted' | 'rejected' | 'merged' | 'dispatched' | 'signed'
  | 'handled' | 'verified' | 'closed' | 'evaluated' | 'shelved'
export type HandlingLevel = 'village' | 'town' | 'county' | 'city'

export const ROUTED_STATUSES: readonly IncidentStatus[] = ['dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved']
export const CLOSED_STATUSES: readonly IncidentStatus[] = ['closed', 'evaluated']

export interface LifecycleCounts {
  total: number
  routed: number
  closed: number
  byStatus: Record<IncidentStatus, number>
}

export interface Lifecycle {
  status: IncidentStatus
  handlingLevel: HandlingLevel | null  // null until the town center has looked at it
  dueAt: Date
  closedAt: Date | null
  satisfaction: number | null
  selfResolved: boolean
}

/** Exact status counts for a scale: routed = round(49,743 × scale), closed = round(42,281 × scale). */
export function lifecycleCounts(scale: number): LifecycleCounts {
  const total = Math.round(TOTAL * scale)
  const routed = Math.round(ROUTED * scale)
  const closed = Math.round(CLOSED * scale)
  const notRouted = total - routed
  const open = routed - closed
  const rejected = Math.round(notRouted * NOT_ROUTED_SHARES.rejected)
  const merged = Math.round(notRouted * NOT_ROUTED_SHARES.merged)
  const accepted = Math.round(notRouted * NOT_ROUTED_SHARES.accepted)
  const shelved = Math.round(open * OPEN_SHARES.shelved)
  const verified = Math.round(open * OPEN_SHARES.verified)
  const handled = Math.round(open * OPEN_SHARES.handled)
  const signed = Math.round(open * OPEN_SHARES.signed)
  const evaluated = Math.round(closed * EVALUATED_SHARE)
  return {
    total, routed, closed,
    byStatus: {
      reported: notRouted - rejected - merged - accepted, accepted, rejected, merged,
      dispatched: open - shelved - verified - handled - signed, signed, handled, verified, shelved,
      closed: closed - evaluated, evaluated,
    },
  }
}

/** Calendar hours a category's time limit allows (working time stretched by a 5-day, 8-hour week). */
export function limitHours(c: Category): number {
  if (c.timeLimitUnit === 'natural_hours') return c.timeLimit
  if (c.timeLimitUnit === 'working_hours') return c.timeLimit * WORKING_DAY_HOURS * WORKING_WEEK
  return c.timeLimit * 24 * WORKING_WEEK
}

/**
 * A status for each report time, exactly `counts.byStatus` of each: rejections, merges and
 * shelving at any age; the rest queue up by age, so the oldest are closed and the newest await
 * review. Draws from `rng` in a fixed order.
 */
export function assignStatuses(reportedAts: readonly number[], counts: LifecycleCounts, rng: SeededRandom): IncidentStatus[] {
  if (reportedAts.length !== counts.total) throw new Error(`Got ${reportedAts.length} incidents for a lifecycle of ${counts.total}.`)
  const s = counts.byStatus
  const status: IncidentStatus[] = new Array(reportedAts.length)
  const shuffled = rng.shuffle(reportedAts.map((_, i) => i))
  let k = 0
  for (const [name, n] of [['rejected', s.rejected], ['merged', s.merged], ['shelved', s.shelved]] as const) {
    for (let j = 0; j < n; j++) status[shuffled[k++]] = name
  }
  // Age is blurred so a few old ones are still open and a few new ones already done.
  const rest = shuffled.slice(k)
  const noisyAge = new Map(rest.map(i => [i, reportedAts[i] + rng.normal() * AGE_NOISE_DAYS * 24 * HOUR_MS]))
  const queue = rest.sort((a, b) => noisyAge.get(a)! - noisyAge.get(b)! || a - b)
  const closedCount = s.closed + s.evaluated
  let unrated = s.evaluated        // selection sampling: exactly this many of the closed get rated
  for (let j = 0; j < closedCount; j++) {
    const rated = rng.next() * (closedCount - j) < unrated
    if (rated) unrated--
    status[queue[j]] = rated ? 'evaluated' : 'closed'
  }
  const oldestFirst: [IncidentStatus, number][] = [['verified', s.verified], ['handled', s.handled], ['signed', s.signed],
    ['dispatched', s.dispatched], ['accepted', s.accepted], ['reported', s.reported]]
  k = closedCount
  for (const [name, n] of oldestFirst) for (let j = 0; j < n; j++) status[queue[k++]] = name
  return status
}

/** Handling level, due and close times and rating of one incident in a given status. */
export function lifecycleFor(status: IncidentStatus, reportedAt: number, category: Category, rng: SeededRandom,
  now: Date): Lifecycle {
  const end = now.getTime()
  const limit = limitHours(category) * HOUR_MS
  const done = CLOSED_STATUSES.includes(status)
  const selfResolved = done && category.selfResolvable && rng.next() < SELF_RESOLVE_SHARE
  let closedAt: Date | null = null
  if (done) {
    const share = rng.next() < LATE_SHARE ? 1.05 + 2 * rng.next() : 0.1 + 0.85 * rng.next()
    let t = reportedAt + share * limit
    if (t >= end) t = reportedAt + (end - reportedAt) * (0.2 + 0.7 * rng.next())  // closed by now
    closedAt = new Date(Math.min(Math.max(t, reportedAt + 60_000), end))
  }
  return {
    status,
    handlingLevel: status === 'reported' ? null : selfResolved ? 'village'
      : ROUTED_STATUSES.includes(status) ? weighted(rng, ESCALATION) : 'town',  // the town center reviews
    dueAt: new Date(reportedAt + limit),
    closedAt,
    satisfaction: status === 'evaluated' ? weighted(rng, SATISFACTION) : null,
    selfResolved,
  }
}

function weighted<T>(rng: SeededRandom, table: readonly (readonly [T, number])[]): T {
  let u = rng.next()
  for (const [value, p] of table) if ((u -= p) < 0) return value
  return table[table.length - 1][0]
}

/** When each loop step happened, the deadline of the step in progress, and the loop's counters. */
export interface LoopHistory {
  reviewedAt: Date | null
  dispatchedAt: Date | null
  signedAt: Date | null
  handledAt: Date | null
  verifiedAt: Date | null
  evaluatedAt: Date | null
  stepDueAt: Date | null  // open incidents only
  reworkCount: number
  returnCount: number
  extensionCount: number
  escalationCount: number
}

const STEP_SHARES = [0.04, 0.08, 0.2, 0.6, 0.95]  // review, dispatch, sign, handle, re-check: share of the span
const STEP_JITTER = 0.2            // each step lands 0–20% earlier than its share: the order holds
const STEPS_REACHED: Record<IncidentStatus, number> = {  // how many of the five steps a status has passed
  reported: 0, accepted: 1, rejected: 1, merged: 1, dispatched: 2, shelved: 3, signed: 3, handled: 4, verified: 5,
  closed: 5, evaluated: 5,
}
const STEP_DUE_SHARE = 0.1         // review, dispatch, sign and close: each a tenth of the category's limit
const RECHECK_DUE_SHARE = 0.25     // the field re-check: a quarter (the loop's own step limits)
const REWORK_SHARE = 0.06          // routed incidents whose re-check failed once (a sixth of them twice)
const RETURN_SHARE = 0.04          // returned once by the unit (退单)
const EXTENSION_SHARE = 0.05       // granted one extension (延期)
const EVALUATION_DAYS = 3          // a rating comes within this many days of closure
const LEVEL_RANK: Record<HandlingLevel, number> = { village: 0, town: 1, county: 2, city: 3 }

/**
 * Plausible step times for a synthetic incident in `life.status`: closed ones spread their steps
 * over the time they took (the passing re-check closes them), open ones over the time since the
 * report; self-resolved ones were handled and closed at once by the reporter. Always the same
 * number of draws from `rng`, so the rows after it do not depend on this one's status.
 */
export function loopHistoryFor(life: Lifecycle, reportedAt: number, category: Category, rng: SeededRandom, now: Date): LoopHistory {
  const u = Array.from({ length: 9 }, () => rng.next())
  const limit = limitHours(category) * HOUR_MS
  const closedAt = life.closedAt?.getTime() ?? null
  const span = (closedAt ?? now.getTime()) - reportedAt
  const reached = STEPS_REACHED[life.status]
  const at = (step: number) => reached > step ? new Date(reportedAt + STEP_SHARES[step] * (1 - STEP_JITTER * u[step]) * span) : null
  const routed = ROUTED_STATUSES.includes(life.status) && !life.selfResolved
  const steps = life.selfResolved
    ? [null, null, null, life.closedAt, life.closedAt]
    : [at(0), at(1), at(2), at(3), closedAt === null ? at(4) : life.closedAt]
  const [reviewedAt, dispatchedAt, signedAt, handledAt, verifiedAt] = steps
  const late = (closedAt ?? now.getTime()) > life.dueAt.getTime() && routed && life.status !== 'shelved'
  return {
    reviewedAt, dispatchedAt, signedAt, handledAt, verifiedAt,
    evaluatedAt: life.status === 'evaluated' && closedAt !== null
      ? new Date(Math.min(closedAt + u[8] * EVALUATION_DAYS * 24 * HOUR_MS, now.getTime())) : null,
    stepDueAt: stepDue(life, steps, reportedAt, limit),
    reworkCount: routed && u[5] < REWORK_SHARE ? (u[5] < REWORK_SHARE / 6 ? 2 : 1) : 0,
    returnCount: routed && u[6] < RETURN_SHARE ? 1 : 0,
    extensionCount: routed && u[7] < EXTENSION_SHARE ? 1 : 0,
    escalationCount: late ? Math.max(1, LEVEL_RANK[life.handlingLevel ?? 'town'] - 1) : 0,
  }
}

/** The deadline of the step an open incident waits for; null once closed, shelved, rejected or merged. */
function stepDue(life: Lifecycle, [reviewedAt, dispatchedAt, , handledAt, verifiedAt]: (Date | null)[], reportedAt: number,
  limit: number): Date | null {
  const after = (d: Date | null | number, share: number) => d === null ? null : new Date(+d + share * limit)
  switch (life.status) {
    case 'reported': return after(reportedAt, STEP_DUE_SHARE)         // review
    case 'accepted': return after(reviewedAt, STEP_DUE_SHARE)         // dispatch
    case 'dispatched': return after(dispatchedAt, STEP_DUE_SHARE)     // sign (签收)
    case 'signed': return life.dueAt                                  // handle by the incident's own deadline
    case 'handled': return after(handledAt, RECHECK_DUE_SHARE)        // field re-check
    case 'verified': return after(verifiedAt, STEP_DUE_SHARE)         // close
    default: return null
  }
}
