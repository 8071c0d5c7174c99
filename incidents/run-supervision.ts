// One sweep of the supervision clock (督办), at a given time: give every open step without a
// deadline its deadline (and a loaded deadline without a yellow-light time one), then escalate each overdue incident one level (village → town → county →
// city), each in its own transaction through applyAction, with its supervision record. An incident
// climbs again only after another full step limit has passed overdue. Run by the scheduler in the
// server and on demand (POST /api/supervision/run); the time is a parameter so tests set it.
import type { Database } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { withoutStatementLimit } from '../db/without-statement-limit.ts'
import { applyAction, ActionRefused } from './apply-action.ts'
import { deadlineForStatus, YELLOW_AT } from './step-deadline.ts'
import { loadWorkingCalendar } from './working-calendar.ts'
import type { TimeLimitUnit } from './working-calendar.ts'
import type { Actor } from './incident-transitions.ts'

const MISSING = sqlFile(import.meta.url, 'missing-step-deadlines.sql')
const SET_DEADLINES = sqlFile(import.meta.url, 'set-step-deadlines.sql')
const OVERDUE = sqlFile(import.meta.url, 'overdue-to-escalate.sql')
const FILL_WARNINGS = sqlFile(import.meta.url, 'fill-step-warnings.sql')
const DEADLINE_BATCH = 5_000 // deadlines filled per query
const MAX_DEADLINE_BATCHES = 100 // a sweep fills at most 500,000; the next sweep goes on
const ESCALATION_BATCH = 200 // escalations per sweep: a backlog climbs over several sweeps without holding the database long

export const SYSTEM_ACTOR: Actor = { user: null, jurisdiction: { kind: 'all', codes: [], areaPrefixes: [''] } }

export interface SupervisionRun {
  deadlinesSet: number
  escalated: number
}

export async function runSupervision(db: Database, now: Date): Promise<SupervisionRun> {
  const calendar = await loadWorkingCalendar(db)
  let deadlinesSet = 0
  for (let batch = 0; batch < MAX_DEADLINE_BATCHES; batch++) {
    const { rows } = await db.query<{ id: string; status: string; time_limit: number; time_limit_unit: TimeLimitUnit; step_started_at: Date }>(MISSING, [DEADLINE_BATCH])
    if (!rows.length) break
    const ids: string[] = []
    const due: Date[] = []
    const warn: Date[] = []
    for (const r of rows) {
      const d = deadlineForStatus(calendar, { timeLimit: Number(r.time_limit), timeLimitUnit: r.time_limit_unit }, r.status, new Date(r.step_started_at))
      ids.push(r.id)
      due.push(d.dueAt!)
      warn.push(d.warnAt!)
    }
    deadlinesSet += (await db.query(SET_DEADLINES, [ids, due, warn])).rowCount
    if (rows.length < DEADLINE_BATCH) break
  }
  // After an import this fills a whole history at once: past the API's statement limit, on purpose.
  await withoutStatementLimit(db, (tx) => tx.query(FILL_WARNINGS, [YELLOW_AT]))

  let escalated = 0
  const { rows } = await db.query<{ id: string }>(OVERDUE, [now, ESCALATION_BATCH])
  for (const { id } of rows) {
    try {
      await applyAction(db, id, { action: 'escalate' }, SYSTEM_ACTOR, { now, calendar })
      escalated++
    } catch (err) {
      if (!(err instanceof ActionRefused)) throw err // handled or escalated by someone else meanwhile
    }
  }
  return { deadlinesSet, escalated }
}
