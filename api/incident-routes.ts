// Reports: intake (POST), reading one (GET), and its photos. Intake and its rules live in
// incidents/; this file maps HTTP onto them.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readJson } from './validate-request.ts'
import { createIncident, type IncidentReport } from '../incidents/create-incident.ts'
import { sniffPhotoType, storePhoto, PHOTO_TYPES, type PhotoType } from '../incidents/store-photo.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import type { Role } from '../accounts/roles.ts'
import type { Queryable } from '../db/database.ts'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024 // a phone photo, compressed
const REPORTERS: Role[] = ['grid_worker', 'village_center', 'town_center', 'county_center', 'city_center', 'station', 'admin']
const FUTURE_SLACK_MS = 5 * 60_000 // phone clocks drift; a report from further ahead is a mistake

const Report = z.object({
  id: z.uuid('is not a UUID: the client makes one per report (it is the idempotency key)'),
  category: z.string().regex(/^\d{4}$/, 'is a 4-digit minor class code, e.g. "0101"'),
  description: z.string().max(2000, 'is at most 2,000 characters').default(''),
  location: z.object({
    type: z.literal('Point', 'must be "Point"'),
    coordinates: z.tuple([
      z.number('is a number').finite().min(-180, 'longitude is -180 to 180').max(180, 'longitude is -180 to 180'),
      z.number('is a number').finite().min(-90, 'latitude is -90 to 90').max(90, 'latitude is -90 to 90'),
    ], '[longitude, latitude]'),
  }),
  crs: z.enum(['WGS84', 'GCJ02', 'BD09', 'CGCS2000'], 'is required: WGS84, GCJ02, BD09 or CGCS2000 (never guessed)'),
  reportedAt: z.iso.datetime({ offset: true, message: 'is an ISO 8601 time with its offset, e.g. 2026-12-03T09:30:00+08:00' })
    .refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, 'is in the future'),
  source: z.enum(['terminal', 'hotline', '110', 'video', 'inspection']).default('terminal'),
  address: z.string().max(500, 'is at most 500 characters').optional(),
})

const ID = z.uuid()

async function visibleIncident(db: Queryable, id: string, j: Jurisdiction) {
  if (!ID.safeParse(id).success) throw new HttpProblem('not-found', `No incident ${id}: incident ids are UUIDs.`)
  const params: unknown[] = [id]
  const { rows } = await db.query<{ id: string; status: string; intake_response: object | string | null }>(
    `SELECT i.id, i.status, i.intake_response FROM incident i WHERE i.id = $1 AND ${scopePredicate(j, INCIDENT_SCOPE, params)}`,
    params,
  )
  if (!rows[0]) throw new HttpProblem('not-found', `No incident ${id} in your jurisdiction.`)
  return rows[0]
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
          throw new HttpProblem('conflict', `Incident ${report.id} exists with a different payload: make a new id for a new report.`)
        case 'invalid':
          throw new HttpProblem('validation', `Fix these fields: ${result.field}: ${result.message}.`, { errors: [{ field: result.field, message: result.message }] })
      }
    })
    .get('/:id', access('signed-in'), async (c) => {
      const row = await visibleIncident(db, c.req.param('id'), c.get('jurisdiction'))
      const intake = typeof row.intake_response === 'string' ? JSON.parse(row.intake_response) : row.intake_response
      const photos = await db.query<{ id: number; content_type: string; size: number; uploaded_at: Date }>(
        'SELECT id, content_type, size, uploaded_at FROM incident_photo WHERE incident_id = $1 ORDER BY id', [row.id])
      return c.json({
        ...intake,
        id: row.id,
        status: row.status,
        photos: photos.rows.map((p) => ({ id: p.id, contentType: p.content_type, size: p.size, url: `/api/incidents/${row.id}/photos/${p.id}` })),
      })
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
        const row = await visibleIncident(db, c.req.param('id'), c.get('jurisdiction'))
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
        const user = c.get('user')!
        const photo = await db.transaction(async (tx) => {
          const stored = await storePhoto(tx, row.id, actual as PhotoType, bytes, user.id)
          await tx.query(
            `INSERT INTO incident_event (incident_id, actor_id, actor_role, action, data) VALUES ($1, $2, $3, 'photo', $4)`,
            [row.id, user.id, user.role, JSON.stringify({ photo: stored.id, sha256: stored.sha256 })],
          )
          return stored
        })
        return c.json({ ...photo, url: `/api/incidents/${row.id}/photos/${photo.id}` }, 201)
      },
    )
    .get('/:id/photos/:photoId', access('signed-in'), async (c) => {
      const row = await visibleIncident(db, c.req.param('id'), c.get('jurisdiction'))
      const photoId = Number(c.req.param('photoId'))
      const { rows } = Number.isSafeInteger(photoId)
        ? await db.query<{ content_type: string; bytes: Uint8Array }>(
            'SELECT content_type, bytes FROM incident_photo WHERE incident_id = $1 AND id = $2', [row.id, photoId])
        : { rows: [] }
      if (!rows[0]) throw new HttpProblem('not-found', `No photo ${c.req.param('photoId')} on incident ${row.id}.`)
      return c.body(new Uint8Array(rows[0].bytes), 200, { 'content-type': rows[0].content_type, 'cache-control': 'private, max-age=86400, immutable' })
    })
}
