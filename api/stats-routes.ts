// Statistics for the dashboards, always within the caller's jurisdiction (city-wide for admin and
// the city center). Geography and staff count by the caller's area; incidents by their full scope
// (a station sees its own, a department what is routed to it).
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { sqlFile } from '../db/sql-file.ts'

const OVERVIEW = sqlFile(import.meta.url, 'stats-overview.sql')
const STATION_CODE = '(SELECT s2.code FROM station s2 WHERE s2.id = i.station_id)'

interface Row {
  admin_units: Record<string, number>
  basic_grids: number
  exclusive_grids: number
  stations: number
  staff: Record<string, number>
  terminals: number
  incidents: { total: number; routed: number; closed: number }
}

export function statsRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/overview', access('signed-in'), async (c) => {
    const j = c.get('jurisdiction')
    const params: unknown[] = []
    const sql = OVERVIEW.replaceAll('{{UNITS}}', scopePredicate(j, { area: 'a.code' }, params, true))
      .replaceAll('{{GRIDS}}', scopePredicate(j, { area: 'g.village_code' }, params, true))
      .replaceAll('{{STAFF}}', scopePredicate(j, { area: 'st.village_code' }, params, true))
      .replaceAll('{{INCIDENTS}}', scopePredicate(j, { area: 'i.village_code', station: STATION_CODE, department: 'i.department_code', grid: 'i.grid_code' }, params))
    const { rows } = await db.query<Row>(sql, params)
    const r = rows[0]
    const { total, routed, closed } = r.incidents
    return c.json({
      jurisdiction: { kind: j.kind, codes: j.codes },
      adminUnits: { city: 0, county: 0, town: 0, village: 0, ...r.admin_units },
      grids: { basic: r.basic_grids, exclusive: r.exclusive_grids },
      stations: r.stations,
      staff: r.staff,
      terminals: r.terminals,
      incidents: { total, routed, closed, closureRate: routed ? Math.round((closed / routed) * 1000) / 1000 : null },
    })
  })
}
