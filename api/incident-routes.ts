// Reports: intake (POST), reading one (GET), and its photos. Intake and its rules live in
// incidents/; this file maps HTTP onto them.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readJson } from './validate-request.ts'
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
          throw new HttpProblem('conflict', `Incident ${report.id} exists with a different payload: make a new id for a new report.`)
        case 'invalid':
          throw new HttpProblem('validation', `Fix these fields: ${result.field}: ${result.message}.`, { errors: [{ field: result.field, message: result.message }] })
      }
    })
    .get('/:id', access('signed-in'), async (c) => {
      const incident = await visibleIncident(db, c.req.param('id'), c.get('user')!, c.get('jurisdiction'))
      const photos = await db.query<{ id: number; content_type: string; size: number }>(LIST_PHOTOS, [incident.id])
      return c.json({
        ...incident,
        photos: photos.rows.map((p) => ({ id: p.id, contentType: p.content_type, size: p.size, url: `/api/incidents/${incident.id}/photos/${p.id}` })),
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
