// Reports: intake (POST), the list (GET), reading one with its timeline (GET), the closed loop's
// actions (POST /{id}/actions), and photos. Intake, the loop and their rules live in incidents/;
// this file maps HTTP onto them.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readJson, readQuery } from './validate-request.ts'
import { safeText } from './safe-text.ts'
import { wholeNumber, zonedTime } from './request-values.ts'
import { applyAction, ActionRefused, type ActionInput } from '../incidents/apply-action.ts'
import { readLoopState } from '../incidents/read-loop-state.ts'
import { decodeCursor, listIncidents } from '../incidents/list-incidents.ts'
import { LEVELS, STATUSES, type Actor } from '../incidents/incident-transitions.ts'
import { REPORT_FIELDS } from './report-fields.ts'
import { createIncident, type IncidentReport } from '../incidents/create-incident.ts'
import { sniffPhotoType, storePhoto, PHOTO_TYPES, type PhotoType } from '../incidents/store-photo.ts'
import { readIncident } from '../incidents/read-incident.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { AuthUser, Role } from '../accounts/roles.ts'
import type { Queryable } from '../db/database.ts'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024 // a phone photo, compressed
const REPORTERS: Role[] = ['grid_worker', 'village_center', 'town_center', 'county_center', 'city_center', 'station', 'admin']

const Report = z.object({
  id: z.uuid('is not a UUID: the client makes one per report (it is the idempotency key)').transform((s) => s.toLowerCase()),
  ...REPORT_FIELDS,
  source: z.enum(['terminal', 'hotline', '110', 'video', 'inspection']).default('terminal'),
})

const ID = z.uuid()
const MAX_PAGE = 500 // rows per page of the list
const DEFAULT_PAGE = 50

const NOTE = safeText(2000).optional()
const REASON = safeText(2000).refine((s) => s.trim().length > 0, 'is required: say why')
const TARGET = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('department'), code: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'is a department code') }),
  z.strictObject({ kind: z.literal('station') }), // the station holding the point (a code is not taken: it is the point's)
  z.strictObject({ kind: z.literal('grid') }), // the workers of the incident's grid
], 'is {"kind":"department","code":…}, {"kind":"station"} or {"kind":"grid"}')
const PHOTO_IDS = z.array(z.number().int().positive()).max(20).optional()

/** The body of POST /api/incidents/{id}/actions, one shape per action (incidents/incident-transitions.ts). */
const ActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['accept', 'sign', 'close', 'approve-extension']), note: NOTE }),
  z.object({ action: z.enum(['reject', 'return', 'refuse-extension', 'reopen']), reason: REASON }),
  z.object({ action: z.literal('merge'), into: z.uuid('is the id of the incident this one duplicates'), note: NOTE }),
  z.object({ action: z.literal('dispatch'), to: TARGET.optional(), note: NOTE }),
  z.object({ action: z.literal('reassign'), to: TARGET, reason: REASON }),
  z.object({ action: z.enum(['handle', 'self-resolve']), feedback: REASON, photoIds: PHOTO_IDS }),
  z.object({ action: z.literal('request-extension'), until: zonedTime(), reason: REASON }),
  z.object({ action: z.literal('verify'), result: z.enum(['pass', 'fail'], 'is "pass" or "fail"'), note: NOTE }),
  z.object({ action: z.literal('evaluate'), satisfaction: z.number().int('is a whole number').min(1, 'is 1 to 5').max(5, 'is 1 to 5'), note: NOTE }),
  z.object({ action: z.literal('shelve'), reason: REASON, approvedBy: safeText(200).refine((s) => s.trim().length > 0, 'is required: who approved shelving it') }),
  z.object({ action: z.literal('escalate') }), // refused for every user: the scheduler escalates
], 'is one of accept, reject, merge, dispatch, reassign, sign, handle, return, request-extension, approve-extension, refuse-extension, verify, close, evaluate, shelve, reopen, self-resolve')

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(item).min(1, 'lists at least one value'))
const ListQuery = z.object({
  status: csv(z.enum(STATUSES)).optional(),
  category: csv(z.string().regex(/^\d{4}$/, 'is a 4-digit category code')).optional(),
  area: z.string().regex(/^\d{12}$/, 'is a 12-digit admin code').optional(),
  department: safeText(40).optional(),
  level: z.enum(LEVELS).optional(),
  from: zonedTime().optional(),
  to: zonedTime().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  light: z.enum(['green', 'yellow', 'red']).optional(),
  cursor: z.string().max(200).refine((s) => decodeCursor(s) !== null, 'is not a cursor from a previous page').optional(),
  limit: wholeNumber(1, MAX_PAGE).default(DEFAULT_PAGE),
})

const actorOf = (user: AuthUser, jurisdiction: Jurisdiction): Actor => ({ user: { id: user.id, role: user.role }, jurisdiction })

/** An action's refusal as the HTTP problem it is. */
function actionProblem(err: ActionRefused): HttpProblem {
  switch (err.kind) {
    case 'not-found': return new HttpProblem('not-found', err.message)
    case 'role':
    case 'party': return new HttpProblem('forbidden', err.message)
    case 'state': return new HttpProblem('conflict', `${err.message} Allowed now: ${err.extra.allowed?.join(', ') || 'nothing for you'}.`, { allowedActions: err.extra.allowed ?? [] })
    case 'invalid': return err.extra.field
      ? new HttpProblem('validation', `Fix these fields: ${err.extra.field}: ${err.message}`, { errors: [{ field: err.extra.field, message: err.message }] })
      : new HttpProblem('conflict', err.message)
  }
}
const LIST_PHOTOS = 'SELECT id, content_type, size FROM incident_photo WHERE incident_id = $1 ORDER BY id'

/** The incident as this user may see it, or a 404 that does not reveal whether it exists. */
async function visibleIncident(db: Queryable, id: string, user: AuthUser, jurisdiction: Jurisdiction) {
  const incident = ID.safeParse(id).success ? await readIncident(db, id, { userId: user.id, jurisdiction }) : null
  if (!incident) throw new HttpProblem('not-found', `No incident ${id} in your jurisdiction.`)
  return incident
}

export function incidentRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>()
    .post('/', access(REPORTERS), async (c) => {
      const report = (await readJson(c, Report)) as IncidentReport
      const result = await createIncident(db, report, { user: c.get('user')!, jurisdiction: c.get('jurisdiction') })
      switch (result.outcome) {
        case 'created':
          return c.json(result.body, 201, { location: `/api/incidents/${report.id}` })
        case 'replayed':
          return c.json(result.body, 200)
        case 'conflict':
          throw new HttpProblem('conflict', `Incident ${report.id} exists already, with a different payload or from another reporter: make a new id for a new report.`)
        case 'invalid':
          throw new HttpProblem('validation', `Fix these fields: ${result.field}: ${result.message}.`, { errors: [{ field: result.field, message: result.message }] })
      }
    })
    .get('/', access('signed-in'), async (c) => {
      const q = readQuery(c, ListQuery)
      const page = await listIncidents(db, c.get('jurisdiction'), {
        ...q, overdue: q.overdue === 'true', from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
      }, new Date())
      return c.json(page)
    })
    .get('/:id', access('signed-in'), async (c) => {
      const user = c.get('user')!
      const incident = await visibleIncident(db, c.req.param('id'), user, c.get('jurisdiction'))
      const photos = await db.query<{ id: number; content_type: string; size: number }>(LIST_PHOTOS, [incident.id])
      const loop = await readLoopState(db, incident.id, actorOf(user, c.get('jurisdiction')), new Date())
      return c.json({
        ...incident,
        photos: photos.rows.map((p) => ({ id: p.id, contentType: p.content_type, size: p.size, url: `/api/incidents/${incident.id}/photos/${p.id}` })),
        ...loop,
      })
    })
    .post('/:id/actions', access('signed-in'), async (c) => {
      const input = (await readJson(c, ActionBody)) as ActionInput
      try {
        const outcome = await applyAction(db, c.req.param('id').toLowerCase(), input, actorOf(c.get('user')!, c.get('jurisdiction')), { now: new Date() })
        return c.json(outcome, 200)
      } catch (err) {
        if (err instanceof ActionRefused) throw actionProblem(err)
        throw err
      }
    })
    .post(
      '/:id/photos',
      access(REPORTERS),
      bodyLimit({
        maxSize: MAX_PHOTO_BYTES,
        onError: () => {
          throw new HttpProblem('payload-too-large', `A photo may be at most ${MAX_PHOTO_BYTES} bytes.`)
        },
      }),
      async (c) => {
        const row = await visibleIncident(db, c.req.param('id'), c.get('user')!, c.get('jurisdiction'))
        const declared = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase()
        if (!(declared in PHOTO_TYPES)) {
          throw new HttpProblem('unsupported-media-type', `Send the photo as the raw body with Content-Type image/jpeg or image/png (got "${declared || 'none'}").`)
        }
        const bytes = new Uint8Array(await c.req.arrayBuffer())
        if (bytes.length === 0) throw new HttpProblem('validation', 'The photo is empty.', { errors: [{ field: '(body)', message: 'is empty' }] })
        const actual = sniffPhotoType(bytes)
        if (actual !== declared) {
          throw new HttpProblem('validation', `The body is not a ${declared} image${actual ? ` (it is ${actual})` : ''}.`, { errors: [{ field: '(body)', message: `is not ${declared}` }] })
        }
        const { replayed, ...photo } = await storePhoto(db, row.id, actual as PhotoType, bytes, c.get('user')!)
        return c.json({ ...photo, url: `/api/incidents/${row.id}/photos/${photo.id}` }, replayed ? 200 : 201)
      },
    )
    .get('/:id/photos/:photoId', access('signed-in'), async (c) => {
      const row = await visibleIncident(db, c.req.param('id'), c.get('user')!, c.get('jurisdiction'))
      const photoId = Number(c.req.param('photoId'))
      const { rows } = Number.isSafeInteger(photoId)
        ? await db.query<{ content_type: string; bytes: Uint8Array }>(
            'SELECT content_type, bytes FROM incident_photo WHERE incident_id = $1 AND id = $2', [row.id, photoId])
        : { rows: [] }
      if (!rows[0]) throw new HttpProblem('not-found', `No photo ${c.req.param('photoId')} on incident ${row.id}.`)
      return c.body(new Uint8Array(rows[0].bytes), 200, {
        'content-type': rows[0].content_type,
        'cache-control': 'private, max-age=86400, immutable',
        'x-content-type-options': 'nosniff',
      })
    })
}
