// The deadline of each step of the loop, from the category's time limit: the handling step gets
// the whole limit, the paperwork around it a share, all counted in the category's unit (natural
// hours for urgent classes, else working time on the calendar). The yellow light comes on when
// 80% of the step's limit is used.
import { addWorkingTime, type WorkingCalendar } from './working-calendar.ts'
import type { TimeLimitUnit } from './working-calendar.ts'

export const STEP_SHARES = {
  review: 0.1, // reported → accepted/rejected/merged by the hub
  dispatch: 0.1, // accepted → dispatched
  sign: 0.1, // dispatched → signed by the receiving unit
  handle: 1, // signed → handled: the category's whole limit
  recheck: 0.25, // handled → verified in the field
  close: 0.1, // verified → closed by the hub
} as const
export type Step = keyof typeof STEP_SHARES
export const YELLOW_AT = 0.8 // share of a step's limit used when its light turns yellow

/** The step an incident in this status is waiting for, or null when nothing is due. */
export const STEP_OF_STATUS: Record<string, Step | null> = {
  reported: 'review',
  accepted: 'dispatch',
  dispatched: 'sign',
  signed: 'handle',
  handled: 'recheck',
  verified: 'close',
  rejected: null,
  merged: null,
  closed: null,
  evaluated: null,
  shelved: null,
}

export interface CategoryLimit {
  timeLimit: number
  timeLimitUnit: TimeLimitUnit
}

export interface StepDeadline {
  dueAt: Date
  warnAt: Date
}

export function stepDeadline(calendar: WorkingCalendar, limit: CategoryLimit, step: Step, start: Date): StepDeadline {
  const amount = limit.timeLimit * STEP_SHARES[step]
  return {
    dueAt: addWorkingTime(calendar, start, amount, limit.timeLimitUnit),
    warnAt: addWorkingTime(calendar, start, amount * YELLOW_AT, limit.timeLimitUnit),
  }
}

/** The deadline of the step an incident enters with `status` at `start`; nulls when none is due. */
export function deadlineForStatus(calendar: WorkingCalendar, limit: CategoryLimit, status: string, start: Date) {
  const step = STEP_OF_STATUS[status]
  return step ? stepDeadline(calendar, limit, step, start) : { dueAt: null, warnAt: null }
}

export type Light = 'green' | 'yellow' | 'red'

export function lightAt(now: Date, warnAt: Date | null, dueAt: Date | null): Light | null {
  if (!dueAt) return null
  if (now.getTime() > dueAt.getTime()) return 'red'
  if (warnAt && now.getTime() >= warnAt.getTime()) return 'yellow'
  return 'green'
}
