// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) for the 12345 hotline, JSON only:
//   GET  discovery.json, services.json, services/{code}.json     anyone
//   POST requests.json                                            api_key of a 'hotline' client
//   GET  requests.json, requests/{id}.json, tokens/{token}.json   api_key of a 'hotline' client
// access() knows bearer tokens only, so every route is declared public and the request routes check
// the api_key (form field, query parameter or X-Api-Key header) themselves: none is a 401, a wrong
// one a 403. Errors are the spec's [{code, description}] (open311Errors); `.xml` is a 400.
// Requests are answered synchronously: POST returns the service_request_id at once, never a token,
// and tokens/{token}.json takes a service_request_id as its token, for clients written for tokens.
// Idempotent retries: see submit-service-request.ts (the Idempotency-Key header).
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readQuery } from './validate-request.ts'
import { safeText } from './safe-text.ts'
import { zonedTime } from './request-values.ts'
import { open311Errors } from './open311-errors.ts'
import { parseServiceRequest, readOpen311Fields, type ServiceRequestInput } from './read-service-request.ts'
import { submitServiceRequest, validIdempotencyKey } from './submit-service-request.ts'
import { findServiceRequests, serviceNotice, type ServiceRequestFilter } from './find-service-requests.ts'
import { findApiKey, type ApiKey } from '../accounts/api-keys.ts'
import type { IntakeResult } from '../incidents/create-incident.ts'
import { sqlFile } from '../db/sql-file.ts'

const SERVICES = sqlFile(import.meta.url, 'open311-services.sql')
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2' // named in discovery.json
const CHANGESET = '2026-12-03T00:00:00+08:00' // when this endpoint's contract last changed (discovery)
const DEFAULT_WINDOW_MS = 90 * 86_400_000 // the spec's default search: the last 90 days
const MAX_REQUESTS = 1_000 // the spec's maximum per response
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i // service_request_id: an incident id

const EARLIEST = Date.UTC(2000, 0, 1) // no hotline record is older; PostgreSQL has no year 0 to reach
const w3cTimeParam = (name: string) =>
  zonedTime(`${name} is a W3C datetime with its offset, e.g. 2026-12-03T09:30:00+08:00`)
    .refine((s) => Date.parse(s) >= EARLIEST, `${name} is before 2000`).optional()
const RequestsQuery = z.object({
  service_request_id: safeText(40_000).optional(), // 1,000 UUIDs and their commas
  service_code: safeText(2_000).optional(),
  start_date: w3cTimeParam('start_date'),
  end_date: w3cTimeParam('end_date'),
  status: safeText(20).optional(),
})

const bad = (detail: string) => new HttpProblem('bad-request', detail)
const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean)

/** "0101.json" → "0101"; the XML form is refused in words, anything else is not here. */
function jsonName(file: string): string {
  if (file.endsWith('.json')) return file.slice(0, -'.json'.length)
  if (/\.xml$/i.test(file)) throw bad('This server answers in JSON only: ask for the .json form of this path.')
  throw new HttpProblem('not-found', `Nothing at ${file}: paths end in .json.`)
}

interface ServiceRow { code: string; name: string; name_en: string; class_name: string; class_name_en: string; department_name: string }

const toService = (r: ServiceRow) => ({
  service_code: r.code,
  service_name: r.name,
  description: `${r.name}（${r.name_en}），由${r.department_name}办理`,
  metadata: false, // no extra attributes: services/{code}.json lists none
  type: 'realtime',
  keywords: [r.class_name, r.name_en, r.class_name_en, r.department_name].join(','),
  group: r.class_name,
})

function intakeRefusal(result: IntakeResult & { outcome: 'invalid' }, input: ServiceRequestInput): HttpProblem {
  if (result.field === 'category') return bad(`service_code "${input.serviceCode}" is not a service: pick one from services.json.`)
  if (result.message.includes('far outside')) return bad(`lat ${input.lat}, long ${input.long} is far outside the city: send the WGS-84 latitude as lat and the longitude as long.`)
  return bad(`lat/long ${result.message}.`)
}

export function open311Routes({ db }: AppDeps, access: Access) {
  async function hotlineKey(c: Context, fromBody?: string): Promise<ApiKey> {
    const text = c.req.header('x-api-key') ?? fromBody ?? c.req.query('api_key')
    if (!text) throw new HttpProblem('unauthenticated', 'api_key was not provided: send the key issued to your system as api_key.')
    const key = await findApiKey(db, text)
    if (!key) throw new HttpProblem('forbidden', 'Invalid api_key received: check the key, or ask for a new one.')
    if (key.client !== 'hotline') throw new HttpProblem('forbidden', `This api_key is for the ${key.client} feed, not Open311: use the hotline key.`)
    return key
  }

  async function oneRequest(c: Context, id: string) {
    const key = await hotlineKey(c)
    if (!UUID.test(id)) return undefined
    return (await findServiceRequests(db, { ids: [id], limit: 1 }, key.jurisdiction))[0]
  }

  return new Hono<AppEnv>()
    .use(open311Errors)
    .get('/discovery.json', access('public'), (c) => {
      const url = `${new URL(c.req.url).origin}/open311/v2`
      return c.json({
        changeset: CHANGESET,
        contact: 'Ask the operator of this wangge platform (the city command center) for help or to report a bug.',
        key_service: 'API keys are issued by the platform administrator, one per connected system (the 12345 hotline).',
        endpoints: [{ specification: SPECIFICATION, url, changeset: CHANGESET, type: 'production', formats: ['application/json'] }],
      })
    })
    .get('/services.json', access('public'), async (c) => {
      const { rows } = await db.query<ServiceRow>(SERVICES, [null])
      return c.json(rows.map(toService))
    })
    .get('/services/:file', access('public'), async (c) => {
      const code = jsonName(c.req.param('file'))
      const { rows } = await db.query<ServiceRow>(SERVICES, [code])
      if (!rows[0]) throw new HttpProblem('not-found', `service_code "${code}" not found: see services.json.`)
      return c.json({ service_code: rows[0].code, attributes: [] })
    })
    .post('/requests.json', access('public'), async (c) => {
      const fields = await readOpen311Fields(c)
      const key = await hotlineKey(c, fields.api_key)
      const input = parseServiceRequest(fields)
      const idempotencyKey = c.req.header('idempotency-key')
      if (idempotencyKey !== undefined && !validIdempotencyKey(idempotencyKey)) {
        throw bad('The Idempotency-Key header is 1 to 255 printable ASCII characters, e.g. the hotline work-order number.')
      }
      const { id, result } = await submitServiceRequest(db, input, key, idempotencyKey)
      if (result.outcome === 'conflict') {
        throw new HttpProblem('conflict', `Idempotency-Key "${idempotencyKey}" was used for a different request: use a new key for a new request.`)
      }
      if (result.outcome === 'invalid') throw intakeRefusal(result, input)
      const { department, dueAt } = result.body.routing
      return c.json([{ service_request_id: id, service_notice: serviceNotice(department.name, dueAt), account_id: null }],
        result.outcome === 'created' ? 201 : 200)
    })
    .get('/requests.json', access('public'), async (c) => {
      const key = await hotlineKey(c) // before reading the query, so a caller without a key learns nothing
      const q = readQuery(c, RequestsQuery)
      if (q.service_request_id !== undefined) {
        const ids = list(q.service_request_id)
        const wrong = ids.find((id) => !UUID.test(id))
        if (wrong) throw bad(`service_request_id "${wrong}" is not a request id: ids are UUIDs, comma separated.`)
        if (ids.length > MAX_REQUESTS) throw bad(`Ask for at most ${MAX_REQUESTS} service_request_ids at once.`)
        return c.json(await findServiceRequests(db, { ids, limit: MAX_REQUESTS }, key.jurisdiction))
      }
      const end = q.end_date ? new Date(q.end_date) : new Date()
      const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - DEFAULT_WINDOW_MS)
      if (start > end) throw bad('start_date is after end_date.')
      const statuses = q.status === undefined ? undefined : list(q.status)
      const unknown = statuses?.find((s) => s !== 'open' && s !== 'closed')
      if (unknown !== undefined || statuses?.length === 0) throw bad(`status "${unknown ?? ''}" is not open or closed.`)
      const serviceCodes = q.service_code === undefined ? undefined : list(q.service_code)
      const filter: ServiceRequestFilter = { serviceCodes, start, end, statuses: statuses as ServiceRequestFilter['statuses'], limit: MAX_REQUESTS }
      return c.json(await findServiceRequests(db, filter, key.jurisdiction))
    })
    .get('/requests/:file', access('public'), async (c) => {
      const id = jsonName(c.req.param('file'))
      const found = await oneRequest(c, id)
      if (!found) throw new HttpProblem('not-found', `service_request_id "${id}" not found.`)
      return c.json([found])
    })
    .get('/tokens/:file', access('public'), async (c) => {
      const token = jsonName(c.req.param('file'))
      const found = await oneRequest(c, token)
      if (!found) throw new HttpProblem('not-found', `token "${token}" not found: requests are answered at once, so the token is the service_request_id.`)
      return c.json([{ service_request_id: found.service_request_id, token }])
    })
    .on(['GET', 'POST'], '/*', access('public'), (c) => {
      jsonName(c.req.path.split('/').pop() ?? '') // .xml: JSON only
      throw new HttpProblem('not-found', `Nothing at ${c.req.method} ${c.req.path}: see discovery.json.`)
    })
}
