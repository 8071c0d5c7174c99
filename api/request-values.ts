// Values in requests that need more than zod's own checks. Times: ISO 8601 / RFC 3339 with an
// explicit zone offset, in the range of incidents/time-range.ts. Counts: decimal digits only.
// Checked at the door, so such input is a 4xx that names the field, never a database error.
import { z } from 'zod'
import { inTimeRange, realZoneOffset } from '../incidents/time-range.ts'

const OFFSET = /([+-])(\d{2}):(\d{2})$/

function realOffset(s: string): boolean {
  const m = OFFSET.exec(s)
  if (!m) return true // "Z"
  return realZoneOffset((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])))
}

/** An ISO 8601 time with its zone offset, from 1970 up to (not including) 2100. */
export function zonedTime(message = 'is an ISO 8601 time with its offset, e.g. 2026-12-03T09:30:00+08:00') {
  return z.iso
    .datetime({ offset: true, message })
    .refine(realOffset, 'has a zone offset no place uses: -12:00 to +14:00')
    .refine((s) => inTimeRange(Date.parse(s)), 'is outside the years 1970 to 2099')
}

/** A whole number written in decimal digits (not "0x10", "1e2" or " 5"), min to max. */
export function wholeNumber(min: number, max: number, unit = '') {
  const range = `is ${min} to ${max}${unit ? ` ${unit}` : ''}`
  return z.string().regex(/^\d{1,10}$/, 'is a whole number in decimal digits').transform(Number)
    .pipe(z.number().min(min, range).max(max, range))
}
