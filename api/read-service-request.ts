// The body of an Open311 POST requests.json: form-encoded as the spec says, or JSON (an object of
// the same field names). Location is lat/long in WGS-84 (the spec's datum); this server does not
// geocode, so address_string alone is not enough. Every failure is a 400 that names the field.
import type { Context } from 'hono'
import { HttpProblem } from './problem.ts'
import { safeText } from './safe-text.ts'

const MAX_FIELD = 200 // names, phone, email, device and account ids, service codes
const FIELD_LIMITS: Record<string, number> = {
  description: 4_000, // the spec's limit
  address_string: 500, // as the JSON intake allows for address
  media_url: 2_000, // the practical URL limit of browsers and proxies
}
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/ // plain decimal: no exponent, no hex, no "Infinity"
/** Spec fields kept with the incident as received (api_key and jurisdiction_id are not). */
const KEPT_FIELDS = ['service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'device_id', 'account_id',
  'first_name', 'last_name', 'phone', 'description', 'media_url'] as const

export type Open311Fields = Record<string, string>

export interface ServiceRequestInput {
  serviceCode: string
  lat: number
  long: number
  description: string
  address?: string
  mediaUrl?: string
  /** The spec fields that were sent, as sent. */
  received: Partial<Record<(typeof KEPT_FIELDS)[number], string>>
}

const bad = (detail: string) => new HttpProblem('bad-request', detail)

/** Every scalar field of the body as a string (nested values, such as JSON attribute objects, are skipped). */
export async function readOpen311Fields(c: Context): Promise<Open311Fields> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  let body: Record<string, unknown>
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    try {
      body = await c.req.parseBody()
    } catch {
      throw bad('The form body could not be read: send it as application/x-www-form-urlencoded.')
    }
  } else if (/^application\/([a-z.+-]*\+)?json\b/.test(type)) {
    try {
      body = JSON.parse(await c.req.text())
    } catch (err) {
      throw bad(`The body is not valid JSON: ${(err as Error).message}.`)
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('The JSON body must be an object of request fields, e.g. {"service_code": "0101", …}.')
  } else {
    throw new HttpProblem('unsupported-media-type', `Send the request as application/x-www-form-urlencoded (the spec) or application/json (got "${type || 'none'}").`)
  }
  const fields: Open311Fields = {}
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = String(v)
  }
  return fields
}

function coordinate(fields: Open311Fields, name: 'lat' | 'long', limit: number): number {
  const text = fields[name]?.trim()
  if (!text) throw bad(`${name} was not provided: send lat and long in WGS-84 (this server does not geocode address_string).`)
  const value = NUMBER.test(text) ? Number(text) : NaN
  if (!(Math.abs(value) <= limit)) throw bad(`${name} "${text}" is not a WGS-84 ${name === 'lat' ? 'latitude (-90 to 90)' : 'longitude (-180 to 180)'}.`)
  return value
}

function text(fields: Open311Fields, name: string): string | undefined {
  const value = fields[name]?.trim()
  if (!value) return undefined
  const checked = safeText(FIELD_LIMITS[name] ?? MAX_FIELD).safeParse(value) // what PostgreSQL will store
  if (!checked.success) throw bad(`${name} ${checked.error.issues[0].message}.`)
  return value
}

/** The fields of a new service request, checked; the service code is checked against the categories at intake. */
export function parseServiceRequest(fields: Open311Fields): ServiceRequestInput {
  const received: ServiceRequestInput['received'] = {}
  for (const name of KEPT_FIELDS) {
    const value = text(fields, name)
    if (value !== undefined) received[name] = value
  }
  const serviceCode = received.service_code
  if (!serviceCode) throw bad('service_code was not provided: pick one from services.json.')
  const lat = coordinate(fields, 'lat', 90)
  const long = coordinate(fields, 'long', 180)
  const mediaUrl = received.media_url
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw bad('media_url must be an http or https URL.')
  return { serviceCode, lat, long, description: received.description ?? '', address: received.address_string, mediaUrl, received }
}
