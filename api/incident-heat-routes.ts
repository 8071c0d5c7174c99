// GET /api/incidents/heat: incidents of a time window counted per ~200 m cell and per hour or day,
// within the caller's jurisdiction. The map desk draws its heatmap and hexagons from these counts
// and adds up the buckets of its time window itself, so a slider move never asks the server again.
// Columnar integers keep the answer small: a month of a million-incident city at the desk's
// coarsest cell is tens of thousands of cell-days.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readQuery } from './validate-request.ts'
import { wholeNumber, zonedTime } from './request-values.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'
import { sqlFile } from '../db/sql-file.ts'

const HEAT = sqlFile(import.meta.url, 'incident-heat.sql')
const METERS_PER_DEGREE = 111_320 // one degree of latitude; cells are square in degrees
const DEFAULT_DAYS = 30 // window when `from` is not given
const MAX_DAYS = { hour: 8, day: 400 } // longest window per bucket: keeps the answer bounded
const BUCKET_SECONDS = { hour: 3_600, day: 86_400 }
const STATUSES = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'] as const

const commaList = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))

const Query = z.object({
  from: zonedTime('is an ISO 8601 time with a zone, e.g. 2026-11-01T00:00:00+08:00').optional(),
  to: zonedTime('is an ISO 8601 time with a zone, e.g. 2026-12-01T00:00:00+08:00').optional(),
  category: commaList.pipe(z.array(z.string().regex(/^\d{2}(\d{2})?$/, 'holds class (2 digits) or category (4 digits) codes')).min(1).max(100)).optional(),
  status: commaList.pipe(z.array(z.enum(STATUSES)).min(1)).optional(),
  cell: wholeNumber(50, 20_000, 'metres').default(200),
  bucket: z.enum(['hour', 'day']).optional(),
})

export function incidentHeatRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/', access('signed-in'), async (c) => {
    const q = readQuery(c, Query)
    const to = q.to ? new Date(q.to) : new Date()
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_DAYS * 86_400_000)
    const days = (to.getTime() - from.getTime()) / 86_400_000
    if (days <= 0) throw new HttpProblem('bad-request', 'Fix these query parameters: to: is after from.', { errors: [{ field: 'to', message: 'is after from' }] })
    const bucket = q.bucket ?? (days <= 3 ? 'hour' : 'day')
    if (days > MAX_DAYS[bucket]) {
      throw new HttpProblem('bad-request', `Fix these query parameters: from: a window of ${bucket}s spans at most ${MAX_DAYS[bucket]} days.`, {
        errors: [{ field: 'from', message: `spans at most ${MAX_DAYS[bucket]} days with bucket=${bucket}` }],
      })
    }
    const cellDegrees = q.cell / METERS_PER_DEGREE
    const params: unknown[] = [
      from.toISOString(),
      to.toISOString(),
      q.category?.map((code) => (code.length === 2 ? `${code}%` : code)) ?? null,
      q.status ?? null,
      cellDegrees,
      BUCKET_SECONDS[bucket],
    ]
    const sql = HEAT.replace('{{scope}}', () => scopePredicate(c.get('jurisdiction'), INCIDENT_SCOPE, params))
    const { rows: [r] } = await db.query<{ cells: number; total: number; x: string; y: string; t: string; n: string }>(sql, params)
    const head = JSON.stringify({ from: from.toISOString(), to: to.toISOString(), bucket, bucketSeconds: BUCKET_SECONDS[bucket], cellDegrees, total: r.total, cells: r.cells })
    return c.body(`${head.slice(0, -1)},"x":${r.x},"y":${r.y},"t":${r.t},"n":${r.n}}`, 200, {
      'content-type': 'application/json', 'cache-control': 'private, no-store',
    })
  })
}
