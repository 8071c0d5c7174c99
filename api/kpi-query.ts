// The query string of GET /api/stats/kpi, validated: dates as Beijing days (YYYY-MM-DD, `to`
// inclusive) or ISO 8601 date-times with an offset (`to` exclusive), a known groupBy, a 12-digit
// area code, a department code, the CSV header language. Errors name the field.
import { z } from 'zod'
import { GROUP_BYS, type GroupBy } from '../stats/compute-kpi.ts'
import { EARLIEST_TIME, LATEST_TIME } from '../incidents/time-range.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/ // a Beijing calendar day
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/ // with its offset
const DAY_MS = 86_400_000
const BEIJING_MS = 8 * 3_600_000 // UTC+8, no daylight saving

const SLACK_MS = 86_400_000 // a Beijing day of 1970 starts in 1969 UTC; the day after 2099 ends in 2100
const inRange = (d: Date | null) => (d && d.getTime() >= EARLIEST_TIME - SLACK_MS && d.getTime() <= LATEST_TIME + SLACK_MS ? d : null)

/** A day or date-time → the instant it starts (`end`: the instant after a day's end). */
const instant = (text: string, end: boolean): Date | null => inRange(parse(text, end))

function parse(text: string, end: boolean): Date | null {
  if (DAY.test(text)) {
    const d = new Date(`${text}T00:00:00+08:00`)
    const back = Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() + BEIJING_MS).toISOString().slice(0, 10)
    if (back !== text) return null // 2026-02-30 and the like
    return end ? new Date(d.getTime() + DAY_MS) : d
  }
  if (!DATE_TIME.test(text)) return null
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? null : d
}

const when = (end: boolean) =>
  z.string().transform((text, ctx) => {
    const d = instant(text, end)
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a date: use YYYY-MM-DD (Beijing time) or an ISO 8601 date-time with an offset, in the years 1970 to 2099` })
      return z.NEVER
    }
    return d
  })

export const KPI_QUERY = z
  .object({
    from: when(false).optional(),
    to: when(true).optional(),
    groupBy: z.enum(GROUP_BYS, { message: `groupBy must be one of ${GROUP_BYS.join(', ')}` }).default('county'),
    area: z.string().regex(/^\d{12}$/, 'area must be a 12-digit admin code').optional(),
    department: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'department must be a department code').optional(),
    lang: z.enum(['zh', 'en'], { message: 'lang must be zh or en' }).default('zh'),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from >= q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' })
  })

export type KpiQuery = { from?: Date; to?: Date; groupBy: GroupBy; area?: string; department?: string; lang: 'zh' | 'en' }
