// When incidents are reported: a daily rhythm (quiet nights, a mid-morning and an afternoon peak,
// the hours grid workers walk their grids), a weekly one (weekends lower) and a gentle growth
// over the window as more workers carry terminals. Hours are Beijing time (UTC+8, no DST).
import type { SeededRandom } from './seeded-random.ts'
import { weightedIndex } from './weighted-index.ts'

const WINDOW_MONTHS = 9            // history generated before `now`
const UTC_OFFSET_MS = 8 * 3_600_000  // China Standard Time
const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000          // one hour in ms
const WEEKEND_FACTOR = 0.6         // a weekend day has 60% of a weekday's reports
const GROWTH = 0.25                // the last day has 25% more reports than the first
const HOURLY = [                   // relative reports per local hour 00..23
  0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.35, 0.7, 1.3, 1.8, 2.0, 1.7,
  0.9, 1.0, 1.6, 1.8, 1.7, 1.2, 0.8, 0.7, 0.6, 0.45, 0.3, 0.2,
]

export interface ReportedAtSampler {
  start: number                    // epoch ms of the window's start
  end: number                      // epoch ms of `now`
  sample(): number                 // epoch ms in [start, end)
}

/** The window start: `now` minus nine calendar months. */
export function windowStart(now: Date): Date {
  const start = new Date(now)
  start.setUTCMonth(start.getUTCMonth() - WINDOW_MONTHS)
  return start
}

/** Local (UTC+8) hour of day and weekday (0 = Sunday) of an instant. */
export function beijingClock(ms: number): { hour: number; weekday: number } {
  const local = new Date(ms + UTC_OFFSET_MS)
  return { hour: local.getUTCHours(), weekday: local.getUTCDay() }
}

export function reportedAtSampler(rng: SeededRandom, now: Date): ReportedAtSampler {
  const end = now.getTime()
  const start = windowStart(now).getTime()
  // Local midnights (as epoch ms) of every day the window touches.
  const firstMidnight = Math.floor((start + UTC_OFFSET_MS) / DAY_MS) * DAY_MS - UTC_OFFSET_MS
  const days: number[] = []
  for (let t = firstMidnight; t < end; t += DAY_MS) days.push(t)
  const dayWeights = days.map((t, i) => {
    const { weekday } = beijingClock(t + 12 * HOUR_MS)
    const weekend = weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1
    return weekend * (1 + GROWTH * (i / Math.max(1, days.length - 1)))
  })
  const pickDay = weightedIndex(dayWeights)
  const pickHour = weightedIndex(HOURLY)
  return {
    start, end,
    sample() {
      // Draws outside the window (the partial first and last day) are thrown back, which also
      // gives those days their partial share.
      for (;;) {
        const t = days[pickDay(rng.next())] + pickHour(rng.next()) * HOUR_MS + Math.floor(rng.next() * HOUR_MS)
        if (t >= start && t < end) return t
      }
    },
  }
}
