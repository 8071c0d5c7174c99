// Deadlines in working time. Government offices work 08:30–12:00 and 13:30–17:30 Beijing time,
// Monday to Friday (7.5 hours a day); a working day is that many working hours. Public holidays
// and adjusted working weekends (调休) come with the working calendar of the closed loop.
export type TimeLimitUnit = 'natural_hours' | 'working_hours' | 'working_days'

const BEIJING_OFFSET_MS = 8 * 3600_000 // UTC+8, no daylight saving
const WORK_PERIODS: [number, number][] = [
  [8.5, 12], // morning, in hours of the Beijing day
  [13.5, 17.5], // afternoon
]
const HOURS_PER_WORKING_DAY = WORK_PERIODS.reduce((s, [a, b]) => s + b - a, 0)
const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS

function isWorkingDay(beijingDayStart: number): boolean {
  const weekday = new Date(beijingDayStart).getUTCDay() // the shifted clock reads Beijing time
  return weekday !== 0 && weekday !== 6
}

/** `start` plus `amount` of the unit; working units skip nights, lunch breaks and weekends. */
export function addWorkingTime(start: Date, amount: number, unit: TimeLimitUnit): Date {
  if (unit === 'natural_hours') return new Date(start.getTime() + amount * HOUR_MS)
  let remaining = (unit === 'working_days' ? amount * HOURS_PER_WORKING_DAY : amount) * HOUR_MS
  let t = start.getTime() + BEIJING_OFFSET_MS // walk on the Beijing clock
  for (;;) {
    const dayStart = Math.floor(t / DAY_MS) * DAY_MS
    if (isWorkingDay(dayStart)) {
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
}
