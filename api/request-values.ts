// Values in requests that need more than zod's own checks. Times: ISO 8601 / RFC 3339 with an
// explicit zone offset, a real one (UTC−12:00 to UTC+14:00; PostgreSQL refuses offsets past
// ±15:59), in years this system can mean (PostgreSQL has no year 0, and a year past 9999 cannot be printed back in ISO form).
// Counts: decimal digits only. Checked at the door, so such input is a 4xx that names the field,
// never a database error.
import { z } from 'zod'

export const EARLIEST_TIME = Date.UTC(1970, 0, 1)
export const LATEST_TIME = Date.UTC(2100, 0, 1)
const OFFSET = /([+-])(\d{2}):(\d{2})$/

function realOffset(s: string): boolean {
  const m = OFFSET.exec(s)
  if (!m) return true // "Z"
  const minutes = Number(m[2]) * 60 + Number(m[3])
  return m[1] === '+' ? minutes <= 14 * 60 : minutes <= 12 * 60
}

/** An ISO 8601 time with its zone offset, from 1970 up to (not including) 2100. */
export function zonedTime(message = 'is an ISO 8601 time with its offset, e.g. 2026-12-03T09:30:00+08:00') {
  return z.iso
    .datetime({ offset: true, message })
    .refine(realOffset, 'has a zone offset no place uses: -12:00 to +14:00')
    .refine((s) => Date.parse(s) >= EARLIEST_TIME && Date.parse(s) < LATEST_TIME, 'is outside the years 1970 to 2099')
}

/** A whole number written in decimal digits (not "0x10", "1e2" or " 5"), min to max. */
export function wholeNumber(min: number, max: number, unit = '') {
  const range = `is ${min} to ${max}${unit ? ` ${unit}` : ''}`
  return z.string().regex(/^\d{1,10}$/, 'is a whole number in decimal digits').transform(Number)
    .pipe(z.number().min(min, range).max(max, range))
}
