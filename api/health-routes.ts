// GET /api/health: liveness and which engine answers. 503 when the database does not.
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'

export function healthRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/health', access('public'), async (c) => {
    try {
      await db.query('SELECT 1')
    } catch {
      throw new HttpProblem('service-unavailable', 'The database does not answer; try again shortly.')
    }
    return c.json({ status: 'ok', db: { kind: db.kind, postgis: db.postgisVersion } })
  })
}
