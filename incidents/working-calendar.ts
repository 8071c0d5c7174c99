// The working calendar of the closed loop: offices work 08:30–12:00 and 13:30–17:30 Beijing time,
// Monday to Friday, except the public holidays and with the make-up working weekends (调休) of the
// table work_calendar_day (migrations/0008). Urgent classes count natural hours instead. Every
// deadline (the intake's routing, each step of the loop, escalation) is counted here.
import type { Queryable } from '../db/database.ts'

export type TimeLimitUnit = 'natural_hours' | 'working_hours' | 'working_days'

const BEIJING_OFFSET_MS = 8 * 3600_000 // UTC+8, no daylight saving
const WORK_PERIODS: [number, number][] = [
  [8.5, 12], // morning, in hours of the Beijing day
  [13.5, 17.5], // afternoon
]
export const HOURS_PER_WORKING_DAY = WORK_PERIODS.reduce((s, [a, b]) => s + b - a, 0) // 7.5
const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
const MAX_DAYS = 3660 // a deadline ten years out is a bad limit, not a reason to loop forever
const CACHE_TTL_MS = 60_000 // the holiday table changes once a year; hot paths read it once a minute

export interface WorkingCalendar {
  /** 'YYYY-MM-DD' (Beijing date) → working or not, for the days that break the weekday rule. */
  exceptions: Map<string, boolean>
}

export const WEEKDAYS_ONLY: WorkingCalendar = { exceptions: new Map() }

export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  const { rows } = await db.query<{ day: string; working: boolean }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM work_calendar_day`)
  return { exceptions: new Map(rows.map((r) => [r.day, r.working])) }
}

const cached = new WeakMap<object, { at: number; calendar: Promise<WorkingCalendar> }>()

/**
 * The calendar of a database handle, read at most once a minute (for the intake's hot path), through
 * `via` when given: inside a transaction, the transaction (the embedded engine has one connection).
 */
export function workingCalendarOf(db: object, via: Queryable = db as Queryable): Promise<WorkingCalendar> {
  const hit = cached.get(db)
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.calendar
  const calendar = loadWorkingCalendar(via)
  cached.set(db, { at: Date.now(), calendar })
  calendar.catch(() => cached.delete(db)) // a failed read is not remembered
  return calendar
}

const decided = new WeakMap<WorkingCalendar, Map<number, boolean>>() // per calendar: day start → worked (a bulk import asks a million times)

/** Whether the Beijing day starting at `beijingDayStart` (ms on the shifted clock) is worked. */
function isWorkingDay(calendar: WorkingCalendar, beijingDayStart: number): boolean {
  let days = decided.get(calendar)
  if (!days) decided.set(calendar, (days = new Map()))
  let worked = days.get(beijingDayStart)
  if (worked === undefined) {
    const date = new Date(beijingDayStart)
    const weekday = date.getUTCDay()
    worked = calendar.exceptions.get(date.toISOString().slice(0, 10)) ?? (weekday !== 0 && weekday !== 6)
    days.set(beijingDayStart, worked)
  }
  return worked
}

/** `start` plus `amount` of the unit; working units skip nights, lunch breaks, weekends and holidays. */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, amount: number, unit: TimeLimitUnit): Date {
  if (unit === 'natural_hours') return new Date(start.getTime() + amount * HOUR_MS)
  let remaining = (unit === 'working_days' ? amount * HOURS_PER_WORKING_DAY : amount) * HOUR_MS
  let t = start.getTime() + BEIJING_OFFSET_MS // walk on the Beijing clock
  for (let day = 0; day < MAX_DAYS; day++) {
    const dayStart = Math.floor(t / DAY_MS) * DAY_MS
    if (isWorkingDay(calendar, dayStart)) {
      for (const [from, to] of WORK_PERIODS) {
        const a = Math.max(t, dayStart + from * HOUR_MS)
        const b = dayStart + to * HOUR_MS
        if (a >= b) continue
        if (remaining <= b - a) return new Date(a + remaining - BEIJING_OFFSET_MS)
        remaining -= b - a
      }
    }
    t = dayStart + DAY_MS
  }
  throw new Error(`A time limit of ${amount} ${unit} reaches beyond ${MAX_DAYS} days.`)
}
