// Supervision (督办): the queue of overdue incidents escalated to a center's level, and a sweep on
// demand (the server also sweeps on a timer: incidents/supervision-scheduler.ts).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { readQuery } from './validate-request.ts'
import { wholeNumber } from './request-values.ts'
import { supervisionQueue } from '../incidents/supervision-queue.ts'
import { runSupervision } from '../incidents/run-supervision.ts'
import { LEVELS, type Level } from '../incidents/incident-transitions.ts'
import type { Role } from '../accounts/roles.ts'

const MAX_PAGE = 500 // rows of the queue per request
const OWN_LEVEL: Partial<Record<Role, Level>> = { town_center: 'town', county_center: 'county', city_center: 'city', village_center: 'village' }

const Query = z.object({
  level: z.enum([...LEVELS, 'all']).optional(),
  limit: wholeNumber(1, MAX_PAGE).default(100),
})

export function supervisionRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>()
    .get('/', access(['admin', 'city_center', 'county_center', 'town_center']), async (c) => {
      const q = readQuery(c, Query)
      // A center sees its own level's queue unless it asks for another (or all) inside its area.
      const level = q.level === 'all' ? null : (q.level ?? OWN_LEVEL[c.get('user')!.role] ?? null)
      return c.json({ level, items: await supervisionQueue(db, c.get('jurisdiction'), level, q.limit) })
    })
    .post('/run', access(['admin', 'city_center']), async (c) => c.json(await runSupervision(db, new Date())))
}
