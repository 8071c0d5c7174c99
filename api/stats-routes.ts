// Statistics for the dashboards, always within the caller's jurisdiction (city-wide for admin and
// the city center). Geography and staff count by the caller's area; incidents by their full scope
// (a station sees its own, a department what is routed to it).
//   GET /overview   headline figures
//   GET /kpi        the closed-loop KPIs per group and in total (JSON, or CSV with Accept: text/csv)
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { adminPrefix, scopePredicate } from '../accounts/jurisdiction.ts'
import { CENTER_ROLES } from '../accounts/roles.ts'
import { sqlFile } from '../db/sql-file.ts'
import { computeKpi } from '../stats/compute-kpi.ts'
import { KPI_QUERY } from './kpi-query.ts'
import { kpiCsv } from './kpi-csv.ts'
import { readQuery } from './validate-request.ts'
import { HttpProblem } from './problem.ts'

const OVERVIEW = sqlFile(import.meta.url, 'stats-overview.sql')
const KPI_FILTER_EXISTS = sqlFile(new URL('../stats/', import.meta.url).href, 'kpi-filter-exists.sql')
const KPI_ROLES = [...CENTER_ROLES, 'department', 'station', 'admin'] as const // who reads the KPIs
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
  return new Hono<AppEnv>()
  .get('/kpi', access(KPI_ROLES), async (c) => {
    const q = readQuery(c, KPI_QUERY)
    const j = c.get('jurisdiction')
    const { rows: [known] } = await db.query<{ area: boolean; department: boolean }>(KPI_FILTER_EXISTS, [q.area ?? null, q.department ?? null])
    // Outside the caller's area (or unknown) reads as absent, like every scoped object.
    if (q.area && (!known.area || !j.areaPrefixes.some((p) => adminPrefix(q.area!).startsWith(p)))) {
      throw new HttpProblem('not-found', `No area ${q.area} within your jurisdiction.`)
    }
    if (q.department && (!known.department || (j.kind === 'department' && !j.codes.includes(q.department)))) {
      throw new HttpProblem('not-found', `No department ${q.department} within your jurisdiction.`)
    }
    const now = new Date()
    const to = q.to ?? now
    if (q.from && q.from >= to) {
      throw new HttpProblem('bad-request', 'Fix these query parameters: from: from must be before to (default: now).', { errors: [{ field: 'from', message: 'from must be before to' }] })
    }
    const asOf = to < now ? to : now
    const result = await computeKpi(db, j, { from: q.from ?? null, to, asOf, groupBy: q.groupBy, area: q.area ?? null, department: q.department ?? null })
    if ((c.req.header('accept') ?? '').includes('text/csv')) {
      return c.body(kpiCsv(result, q.lang), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="kpi-${q.groupBy}-${asOf.toISOString().slice(0, 10)}.csv"`,
      })
    }
    return c.json({
      period: { from: q.from?.toISOString() ?? null, to: to.toISOString(), asOf: asOf.toISOString() },
      groupBy: q.groupBy, area: q.area ?? null, department: q.department ?? null,
      groups: result.groups, total: result.total,
    })
  })
  .get('/overview', access('signed-in'), async (c) => {
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
