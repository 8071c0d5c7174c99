// The fast path of computeKpi() for the city and county dashboards: per county, within a county-
// or city-wide jurisdiction. Additive figures come from kpi_daily (migrations/0009) for the whole
// Beijing days of the period and from the raw rows for the partial days at its ends; the open
// incidents not yet due (the rest of the open ones are overdue) and the 90th percentile of time to
// close come from partial indexes on the raw rows (the percentile by walking the slowest tenth). Same definitions and numbers as kpi.sql,
// which a test checks row for row; incidents are tied to jurisdictions by county_code here, which
// the assignment keeps equal to the village code's county.
import type { Queryable } from '../db/database.ts'
import { adminPrefix, scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { sqlFile } from '../db/sql-file.ts'
import type { KpiRequest, KpiRow } from './compute-kpi.ts'

const ROLLUP = sqlFile(import.meta.url, 'kpi-rollup.sql')
const OPEN_NOT_DUE = sqlFile(import.meta.url, 'kpi-open-not-due.sql')
const CLOSE_RANK = sqlFile(import.meta.url, 'kpi-close-rank.sql')
const DAY_MS = 86_400_000
const BEIJING_MS = 8 * 3_600_000 // UTC+8: kpi_daily's days are Beijing days
const COUNTY_PREFIX = 6 // digits of a county code that its villages share
const PERCENTILE = 0.9
const SUMS = ['total', 'accepted', 'rejected', 'merged', 'routed', 'closed', 'on_time', 'closed_late', 'rework', 'reworked',
  'extensions', 'returns', 'escalations', 'shelved', 'self_resolved', 'close_seconds', 'satisfaction_sum',
  'satisfaction_count'] as const // the columns of kpi-rollup.sql, all additive

/** Whether the rollup can answer: grouped by county, within and filtered to counties or the city. */
export function rollupFits(j: Jurisdiction, req: KpiRequest): boolean {
  const countyWide = (prefix: string) => prefix.length <= COUNTY_PREFIX
  return req.groupBy === 'county'
    && (j.kind === 'all' || j.kind === 'department' || (j.kind === 'admin_unit' && j.areaPrefixes.every(countyWide)))
    && (req.area === null || countyWide(adminPrefix(req.area)))
}

export async function computeKpiFromRollup(db: Queryable, j: Jurisdiction, req: KpiRequest): Promise<KpiRow[]> {
  const from = req.from?.getTime() ?? -Infinity
  const to = req.to.getTime()
  const firstDay = Number.isFinite(from) ? ceilDay(from) : -Infinity
  const lastDay = Math.max(floorDay(to), firstDay) // whole days: [firstDay, lastDay)
  const iso = (t: number) => (t === -Infinity ? '-infinity' : new Date(t).toISOString())
  const day = (t: number) => (t === -Infinity ? '-infinity' : new Date(t + BEIJING_MS).toISOString().slice(0, 10))
  const wholeDays = firstDay < lastDay
  const period = [iso(from), iso(to)]

  const rollupParams: unknown[] = wholeDays
    ? [day(firstDay), day(lastDay), iso(from), iso(firstDay), iso(lastDay), iso(to)]
    : ['infinity', 'infinity', iso(from), iso(to), iso(to), iso(to)] // one partial day: raw rows only
  const rollupSql = ROLLUP.replace('{{ROLLUP_SCOPE}}', scope(j, 'k', rollupParams))
    .replace('{{ROLLUP_FILTERS}}', filters(req, 'k', rollupParams))
    .replace('{{SCOPE}}', scope(j, 'i', rollupParams))
    .replace('{{FILTERS}}', filters(req, 'i', rollupParams))
  const notDueParams: unknown[] = [...period, req.asOf.toISOString()]
  const notDueSql = OPEN_NOT_DUE.replace('{{SCOPE}}', scope(j, 'i', notDueParams)).replace('{{FILTERS}}', filters(req, 'i', notDueParams))
  const [sums, notDue] = await Promise.all([db.query<SumRow>(rollupSql, rollupParams), db.query<NotDueRow>(notDueSql, notDueParams)])

  const notDueOf = new Map(notDue.rows.map((r) => [r.key, r.not_due]))
  const counties = sums.rows.filter((r) => r.total !== 0) // not a county all of whose incidents moved away
  const rows = [...counties.map((r) => ({ ...r, is_total: false, not_due: notDueOf.get(r.key) ?? 0 })), { ...addUp(counties), not_due: notDue.rows.reduce((n, r) => n + r.not_due, 0) }]
  return Promise.all(rows.map(async (r): Promise<KpiRow> => ({
    key: r.key,
    is_total: r.is_total,
    total: r.total, accepted: r.accepted, rejected: r.rejected, merged: r.merged, routed: r.routed, closed: r.closed,
    on_time: r.on_time, closed_late: r.closed_late, overdue_open: r.routed - r.closed - r.shelved - r.not_due,
    rework: r.rework, reworked: r.reworked, extensions: r.extensions, returns: r.returns, escalations: r.escalations,
    shelved: r.shelved, self_resolved: r.self_resolved,
    close_hours_mean: r.closed ? r.close_seconds / r.closed / 3600 : null,
    close_hours_p90: r.closed ? (await closeSecondsPercentile(db, j, req, period, r.is_total ? undefined : r.key, r.closed)) / 3600 : null,
    satisfaction_mean: r.satisfaction_count ? r.satisfaction_sum / r.satisfaction_count : null,
    satisfaction_count: r.satisfaction_count,
  })))
}

/** The city row: every figure of the rollup is a sum. */
function addUp(rows: SumRow[]): SumRow & { is_total: true } {
  const total = { key: null, is_total: true as const, ...Object.fromEntries(SUMS.map((k) => [k, 0])) } as SumRow & { is_total: true }
  for (const r of rows) for (const k of SUMS) total[k] += r[k]
  return total
}

/** percentile_cont(0.9) of the n closing times of a county (or all: undefined), from the slow end. */
async function closeSecondsPercentile(db: Queryable, j: Jurisdiction, req: KpiRequest, period: string[],
  county: string | null | undefined, n: number): Promise<number> {
  const pos = PERCENTILE * (n - 1) // ascending rank, interpolated
  const rank = Math.floor(pos)
  const fromTop = n - 1 - rank // descending offset of x[rank]
  const params: unknown[] = [...period, Math.max(fromTop - 1, 0)]
  const key = county === undefined ? 'TRUE' : county === null ? 'i.county_code IS NULL' : `i.county_code = $${params.push(county)}`
  const sql = CLOSE_RANK.replace('{{KEY}}', key).replace('{{SCOPE}}', scope(j, 'i', params)).replace('{{FILTERS}}', filters(req, 'i', params))
  const { rows } = await db.query<{ seconds: number }>(sql, params)
  if (fromTop === 0) return rows[0].seconds // the slowest itself (n = 1)
  const [above, at] = rows.map((r) => r.seconds) // x[rank + 1], x[rank]
  return at + (pos - rank) * (above - at)
}

function scope(j: Jurisdiction, alias: 'i' | 'k', params: unknown[]): string {
  return scopePredicate(j, { area: `${alias}.county_code`, department: `${alias}.department_code` }, params)
}

function filters(req: KpiRequest, alias: 'i' | 'k', params: unknown[]): string {
  const f: string[] = []
  if (req.area) f.push(`${alias}.county_code LIKE $${params.push(`${adminPrefix(req.area)}%`)}`)
  if (req.department) f.push(`${alias}.department_code = $${params.push(req.department)}`)
  return f.join(' AND ') || 'TRUE'
}

const floorDay = (t: number) => Math.floor((t + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS
const ceilDay = (t: number) => Math.ceil((t + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS

type SumRow = { key: string | null } & Record<(typeof SUMS)[number], number>
interface NotDueRow { key: string | null; not_due: number }
