// GET /api/grids/{code}: a grid as the map desk shows it on click: its code, households, the grid
// head and workers, the community officer, and the open events the caller may see. A grid outside
// the caller's area is not found.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'
import { sqlFile } from '../db/sql-file.ts'

const GRID_DETAILS = sqlFile(import.meta.url, 'grid-details.sql')
const CODE = z.string().regex(/^\d{15}$|^\d{12}Z\d{3}$/) // basic: village + 3 digits; exclusive: village + Z + 3

interface StaffRow { name: string; role: string; phone: string | null }

export function gridRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/:code', access('signed-in'), async (c) => {
    const code = c.req.param('code')
    if (!CODE.safeParse(code).success) {
      throw new HttpProblem('bad-request', 'A grid code is its village code and 3 digits (basic) or Z and 3 digits (exclusive).', {
        errors: [{ field: 'code', message: 'is not a grid code' }],
      })
    }
    const j = c.get('jurisdiction')
    const params: unknown[] = [code]
    const sql = GRID_DETAILS.replace('{{GRIDS}}', () => scopePredicate(j, { area: 'g.village_code' }, params, true))
      .replaceAll('{{INCIDENTS}}', () => scopePredicate(j, INCIDENT_SCOPE, params))
    const { rows } = await db.query<Record<string, any>>(sql, params)
    const r = rows[0]
    if (!r) throw new HttpProblem('not-found', `No grid ${code} in your jurisdiction.`)
    const staff = r.staff as StaffRow[]
    const byRole = (...roles: string[]) => staff.filter((s) => roles.includes(s.role))
    return c.json({
      code: r.code,
      name: r.name,
      kind: r.kind,
      exclusiveType: r.exclusive_type,
      version: r.version,
      validFrom: r.valid_from,
      households: r.households,
      population: r.population,
      village: r.village,
      town: r.town,
      county: r.county,
      head: byRole('grid_head')[0] ?? null,
      workers: byRole('grid_worker_fulltime', 'grid_worker_parttime'),
      communityOfficers: byRole('community_officer'),
      villageAdmins: byRole('village_admin'),
      openEvents: { count: r.open_count, latest: r.open_events },
      bbox: r.bbox,
      geometry: r.geometry,
    })
  })
}
