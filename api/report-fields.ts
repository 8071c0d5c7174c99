// The fields every door that takes a report validates the same way: the JSON intake and the 110
// feed (Open311 has its own form fields and maps them onto these).
import { z } from 'zod'
import { safeText } from './safe-text.ts'
import { zonedTime } from './request-values.ts'

const FUTURE_SLACK_MS = 5 * 60_000 // clocks drift; a report from further ahead is a mistake
const EARLIEST_REPORT = Date.UTC(2000, 0, 1) // older times are typos (and PostgreSQL has no year 0)
const LONGITUDE = z.number('is a number').finite().min(-180, 'longitude is -180 to 180').max(180, 'longitude is -180 to 180')
const LATITUDE = z.number('is a number').finite().min(-90, 'latitude is -90 to 90').max(90, 'latitude is -90 to 90')

export const REPORT_FIELDS = {
  category: z.string().regex(/^\d{4}$/, 'is a 4-digit minor class code, e.g. "0101"'),
  description: safeText(2000).default(''),
  location: z.object({
    type: z.literal('Point', 'must be "Point"'),
    coordinates: z.tuple([LONGITUDE, LATITUDE], '[longitude, latitude]'),
  }),
  crs: z.enum(['WGS84', 'GCJ02', 'BD09', 'CGCS2000'], 'is required: WGS84, GCJ02, BD09 or CGCS2000 (never guessed)'),
  reportedAt: zonedTime()
    .refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, 'is in the future')
    .refine((s) => Date.parse(s) >= EARLIEST_REPORT, 'is before 2000: historical data goes through npm run import:incidents'),
  address: safeText(500).optional(),
}
