// One source record (a CSV row or a GeoJSON feature) checked and made into a staging row: the
// same limits as POST /api/incidents, the point converted to WGS-84 from the declared CRS with the
// intake's own conversion, and an id derived from the report's content when the source has none.
import { CrsConversionError, positionToWgs84, type SourceCrs } from '../../geodata/to-wgs84.ts'
import { uuidV5 } from '../uuid-v5.ts'
import { inTimeRange, realZoneOffset } from '../time-range.ts'

export const IMPORT_ID_NAMESPACE = '4b0c6f0e-6d1a-5e0b-9a52-3c7d2f8e1a64' // uuid v5 namespace of derived import ids
export const COLUMNS = ['id', 'category', 'description', 'lon', 'lat', 'reported_at', 'source', 'address', 'status', 'closed_at'] as const
const STATUSES = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved']
const SOURCES = ['terminal', 'hotline', '110', 'video', 'inspection']
const MAX_DESCRIPTION = 2000 // characters, as the intake API
const MAX_ADDRESS = 500 // characters, as the intake API
const BOUNDS_MARGIN_DEG = 0.5 // as the intake API: GPS noise and the coast are inside it, a swapped point is not
const FUTURE_SLACK_MS = 5 * 60_000 // as the intake API: clocks drift
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i

export interface SourceRecord {
  line: number
  values: Record<string, unknown>
}

export interface CheckContext {
  crs: SourceCrs
  categories: ReadonlySet<string>
  bounds: { x0: number; y0: number; x1: number; y1: number } | null // the city's extent; null before any is loaded
  now: number
}

export interface StagedIncident {
  id: string
  category: string
  description: string
  address: string | null
  source: string
  status: string
  reportedAt: string // ISO 8601, UTC
  closedAt: string | null
  rawLon: number
  rawLat: number
  lon: number
  lat: number
}

export interface RecordProblem {
  line: number
  field: string
  reason: string
}

const text = (v: unknown): string | undefined => (v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim())

/** A staging row, or every problem of the record. */
export function checkIncidentRecord({ line, values }: SourceRecord, ctx: CheckContext): StagedIncident | RecordProblem[] {
  const problems: RecordProblem[] = []
  const fail = (field: string, reason: string) => void problems.push({ line, field, reason })

  if (values['(geometry)'] !== undefined) fail('geometry', `is ${values['(geometry)'] === null ? 'missing' : `a ${String(values['(geometry)'])}`}: each feature is a Point`)
  const category = text(values.category)
  if (!category) fail('category', 'is missing')
  else if (!ctx.categories.has(category)) fail('category', `is not a known category code ("${category}")`)
  const description = text(values.description) ?? ''
  if (description.length > MAX_DESCRIPTION) fail('description', `is over ${MAX_DESCRIPTION} characters`)
  const address = text(values.address) ?? null
  if (address && address.length > MAX_ADDRESS) fail('address', `is over ${MAX_ADDRESS} characters`)
  const source = text(values.source) ?? 'terminal'
  if (!SOURCES.includes(source)) fail('source', `is "${source}": use ${SOURCES.join(', ')}`)
  const status = text(values.status) ?? 'reported'
  if (!STATUSES.includes(status)) fail('status', `is "${status}": use ${STATUSES.join(', ')}`)
  if ([description, address ?? ''].some((s) => s.includes('\0'))) fail(description.includes('\0') ? 'description' : 'address', 'holds a NUL character')

  const rawLon = coordinate(values.lon, 180, 'lon', fail)
  const rawLat = coordinate(values.lat, 90, 'lat', fail)
  let lon = NaN
  let lat = NaN
  if (rawLon !== undefined && rawLat !== undefined) {
    // As the intake: bounds on the coordinates as given (every accepted CRS is within 0.02° of
    // WGS-84), so that a far-off point never reaches the CRS inversion.
    const b = ctx.bounds
    if (b && !(rawLon >= b.x0 - BOUNDS_MARGIN_DEG && rawLon <= b.x1 + BOUNDS_MARGIN_DEG && rawLat >= b.y0 - BOUNDS_MARGIN_DEG && rawLat <= b.y1 + BOUNDS_MARGIN_DEG)) {
      fail('lon,lat', `[${rawLon}, ${rawLat}] is far outside the city: give longitude and latitude in ${ctx.crs}`)
    } else {
      try {
        ;[lon, lat] = positionToWgs84([rawLon, rawLat], ctx.crs) as [number, number]
      } catch (err) {
        if (!(err instanceof CrsConversionError)) throw err
        fail('lon,lat', err.message)
      }
    }
  }

  const reportedAt = time(values.reported_at, 'reported_at', fail, true)
  if (reportedAt !== undefined && reportedAt > ctx.now + FUTURE_SLACK_MS) fail('reported_at', 'is in the future')
  const closedAt = time(values.closed_at, 'closed_at', fail, false)
  if (closedAt !== undefined && reportedAt !== undefined && closedAt < reportedAt) fail('closed_at', 'is before reported_at')

  let id = text(values.id)?.toLowerCase()
  if (id !== undefined && !UUID.test(id)) fail('id', `is not a UUID ("${id}"): leave it empty to derive one from the row`)
  if (problems.length > 0) return problems

  const reportedIso = new Date(reportedAt!).toISOString()
  // A source without ids gets the same id for the same report on every import (so a re-import
  // skips it); the status may have moved on between exports, so it is not part of the name.
  id ??= uuidV5(IMPORT_ID_NAMESPACE, JSON.stringify([category, description, rawLon, rawLat, ctx.crs, reportedIso, source, address]))
  return {
    id, category: category!, description, address, source, status, reportedAt: reportedIso,
    closedAt: closedAt === undefined ? null : new Date(closedAt).toISOString(), rawLon: rawLon!, rawLat: rawLat!, lon, lat,
  }
}

function coordinate(v: unknown, limit: number, field: string, fail: (f: string, r: string) => void): number | undefined {
  const s = text(v)
  if (s === undefined) return void fail(field, 'is missing')
  const n = typeof v === 'number' ? v : NUMBER.test(s) ? Number(s) : NaN
  if (!Number.isFinite(n)) return void fail(field, `is not a number ("${s}")`)
  if (Math.abs(n) > limit) return void fail(field, `is ${n}: ${field === 'lon' ? 'longitude is -180 to 180' : 'latitude is -90 to 90'}`)
  return n
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Epoch milliseconds of an ISO 8601 time with its offset; the offset is never guessed. */
function time(v: unknown, field: string, fail: (f: string, r: string) => void, required: boolean): number | undefined {
  const s = text(v)
  if (s === undefined) return required ? void fail(field, 'is missing') : undefined
  const m = TIME.exec(s)
  const bad = (why = 'give an ISO 8601 time with its offset, e.g. 2026-12-03T09:30:00+08:00') => void fail(field, `is "${s}": ${why}`)
  if (!m) return bad()
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number)
  const days = mo === 2 && leap(y) ? 29 : DAYS_IN_MONTH[mo - 1]
  if (!(mo >= 1 && mo <= 12) || d < 1 || d > days || h > 23 || mi > 59 || sec > 59) return bad()
  if (y < 1969 || y > 2100) return bad('is outside the years 1970 to 2099 (UTC)') // and Date.UTC below reads 0–99 as 1900–1999
  const zone = m[8]
  let offsetMin = 0 // +08, +0800, +08:00 → 480
  if (!/z/i.test(zone)) {
    const [oh, om] = [Number(zone.slice(1, 3)), zone.length > 3 ? Number(zone.slice(-2)) : 0]
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om)
    if (om > 59 || !realZoneOffset(offsetMin)) return bad('has a zone offset no place uses: -12:00 to +14:00')
  }
  const ms = m[7] ? Number(m[7].slice(1, 4).padEnd(3, '0')) : 0 // milliseconds, as the intake API keeps
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000
  return inTimeRange(t) ? t : bad('is outside the years 1970 to 2099 (UTC)')
}
