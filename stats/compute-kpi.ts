// The closed-loop KPIs of the incidents reported in a period, per group (county, town, village,
// department, category or day) and in total, within the caller's jurisdiction. One scan of
// `incident` (kpi.sql) reading the status and the loop bookkeeping columns; no walk of the trail.
//
// Definitions (README "KPIs"; kpi.sql computes them, change both together). Statuses are the
// incidents' current ones; the period selects by reported_at.
//   total         reported in the period
//   accepted      passed review: any status but reported, rejected, merged
//   rejected      rejected; merged: merged into another report
//   routed        dispatched, signed, handled, verified, closed, evaluated or shelved
//   closed        closed or evaluated; closureRate = closed / routed
//   onTime        closed with closed_at <= due_at; onTimeRate = onTime / closed
//   overdue       overdueOpen + closedLate: open (dispatched … verified: routed, not closed, not
//                 shelved) with due_at before the as-of time (the end of the period, or now if
//                 that is earlier), plus closed with closed_at > due_at
//   rework        sum of rework_count (failed re-checks); reworked: incidents with at least one
//   extensions, returns, escalations   sums of extension_count, return_count, escalation_count
//   shelved       shelved (挂账); selfResolved: self_resolved (自处置)
//   closeHoursMean, closeHoursP90      mean and 90th percentile (continuous) of closed_at − reported_at
//                 over the closed ones, in hours
//   satisfactionMean, satisfactionCount  over the rated ones (1–5)
// Rates are null when their denominator is 0.
import type { Queryable } from '../db/database.ts'
import { adminPrefix, scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'
import { sqlFile } from '../db/sql-file.ts'
import { computeKpiFromRollup, rollupFits } from './compute-kpi-rollup.ts'

const KPI = sqlFile(import.meta.url, 'kpi.sql')
const GROUP_NAMES = sqlFile(import.meta.url, 'group-names.sql')
const RATE_DIGITS = 3 // 0.850 = 85.0%
const HOUR_DIGITS = 1 // hours to close
const SATISFACTION_DIGITS = 2
const VILLAGE_CODE_DIGITS = 12 // admin codes

export const GROUP_BYS = ['county', 'town', 'village', 'department', 'category', 'day'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

/** The SQL expression each grouping reads, and where its names come from. */
const GROUPS: Record<GroupBy, { key: string; names: 'admin' | 'department' | 'category' | null }> = {
  county: { key: 'i.county_code', names: 'admin' },
  town: { key: 'i.town_code', names: 'admin' },
  village: { key: 'i.village_code', names: 'admin' },
  department: { key: 'i.department_code', names: 'department' },
  category: { key: 'i.category_code', names: 'category' },
  day: { key: "to_char(i.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')", names: null }, // Beijing days
}

export interface KpiRequest {
  from: Date | null // inclusive; null: from the first report
  to: Date // exclusive
  asOf: Date // overdue is judged at this time
  groupBy: GroupBy
  area: string | null // a 12-digit admin code: only incidents in it
  department: string | null // only incidents routed to it
}

export interface KpiFigures {
  total: number
  accepted: number
  rejected: number
  merged: number
  routed: number
  closed: number
  closureRate: number | null
  onTime: number
  onTimeRate: number | null
  overdue: number
  overdueOpen: number
  closedLate: number
  rework: number
  reworked: number
  extensions: number
  returns: number
  escalations: number
  shelved: number
  selfResolved: number
  closeHoursMean: number | null
  closeHoursP90: number | null
  satisfactionMean: number | null
  satisfactionCount: number
}

export interface KpiGroup extends KpiFigures {
  code: string | null // null: incidents without this assignment (outside every grid)
  name: string // zh-CN
  nameEn: string | null
}

export interface KpiResult {
  groups: KpiGroup[]
  total: KpiFigures
}

export interface KpiRow {
  key: string | null
  is_total: boolean
  total: number; accepted: number; rejected: number; merged: number; routed: number; closed: number; on_time: number
  overdue_open: number; closed_late: number; rework: number; reworked: number; extensions: number; returns: number
  escalations: number; shelved: number; self_resolved: number
  close_hours_mean: number | null; close_hours_p90: number | null; satisfaction_mean: number | null; satisfaction_count: number
}

/** `path`: 'auto' takes the rollup when it fits (compute-kpi-rollup.ts); 'raw' always scans. */
export async function computeKpi(db: Queryable, j: Jurisdiction, req: KpiRequest, path: 'auto' | 'raw' = 'auto'): Promise<KpiResult> {
  const group = GROUPS[req.groupBy]
  const rows = path === 'auto' && rollupFits(j, req) ? await computeKpiFromRollup(db, j, req) : await scanKpi(db, j, req)
  const totalRow = rows.find((r) => r.is_total)
  const groupRows = rows.filter((r) => !r.is_total)
  const names = await groupNames(db, group.names, groupRows.map((r) => r.key).filter((k): k is string => k !== null))
  const groups = groupRows
    .map((r): KpiGroup => ({
      code: r.key,
      name: r.key === null ? '未分配' : (names.get(r.key)?.name ?? r.key),
      nameEn: r.key === null ? 'Unassigned' : (names.get(r.key)?.nameEn ?? null),
      ...figures(r),
    }))
    .sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  return { groups, total: totalRow ? figures(totalRow) : figures(null) }
}

/** kpi.sql over the raw rows: any grouping, any jurisdiction. */
async function scanKpi(db: Queryable, j: Jurisdiction, req: KpiRequest): Promise<KpiRow[]> {
  const group = GROUPS[req.groupBy]
  const params: unknown[] = [req.from?.toISOString() ?? '-infinity', req.to.toISOString(), req.asOf.toISOString()]
  const filters: string[] = []
  if (req.area) filters.push(villageRange([adminPrefix(req.area)], params))
  else if (j.kind === 'admin_unit' && !j.areaPrefixes.includes('')) filters.push(villageRange(j.areaPrefixes, params)) // the scope, sargable
  if (req.department) filters.push(`i.department_code = $${params.push(req.department)}`)
  const sql = KPI.replaceAll('{{KEY}}', group.key)
    .replace('{{SCOPE}}', scopePredicate(j, INCIDENT_SCOPE, params))
    .replace('{{FILTERS}}', filters.join(' AND ') || 'TRUE')
  return (await db.query<KpiRow>(sql, params)).rows
}

/**
 * Villages under admin-code prefixes as ranges the village index can answer (LIKE ANY cannot use
 * it): 12-digit codes sort the same in every collation, so a prefix is a BETWEEN.
 */
function villageRange(prefixes: string[], params: unknown[]): string {
  const range = (p: string) => `i.village_code BETWEEN $${params.push(p.padEnd(VILLAGE_CODE_DIGITS, '0'))} AND $${params.push(p.padEnd(VILLAGE_CODE_DIGITS, '9'))}`
  return `(${prefixes.map(range).join(' OR ')})`
}

async function groupNames(db: Queryable, kind: 'admin' | 'department' | 'category' | null, codes: string[]) {
  const names = new Map<string, { name: string; nameEn: string | null }>()
  if (!kind || codes.length === 0) return names
  const { rows } = await db.query<{ code: string; name: string; name_en: string | null }>(GROUP_NAMES, [kind, codes])
  for (const r of rows) names.set(r.code, { name: r.name, nameEn: r.name_en })
  return names
}

/** A row of kpi.sql as figures; null (no incident at all) gives zeros. */
function figures(r: KpiRow | null): KpiFigures {
  const n = (k: keyof KpiRow) => (r ? Number(r[k] ?? 0) : 0)
  const x = (k: keyof KpiRow) => (r && r[k] !== null ? Number(r[k]) : null)
  const closed = n('closed')
  const routed = n('routed')
  const closeHoursMean = x('close_hours_mean')
  const closeHoursP90 = x('close_hours_p90')
  const satisfactionMean = x('satisfaction_mean')
  return {
    total: n('total'), accepted: n('accepted'), rejected: n('rejected'), merged: n('merged'), routed, closed,
    closureRate: ratio(closed, routed),
    onTime: n('on_time'), onTimeRate: ratio(n('on_time'), closed),
    overdue: n('overdue_open') + n('closed_late'), overdueOpen: n('overdue_open'), closedLate: n('closed_late'),
    rework: n('rework'), reworked: n('reworked'), extensions: n('extensions'), returns: n('returns'),
    escalations: n('escalations'), shelved: n('shelved'), selfResolved: n('self_resolved'),
    closeHoursMean: closeHoursMean === null ? null : round(closeHoursMean, HOUR_DIGITS),
    closeHoursP90: closeHoursP90 === null ? null : round(closeHoursP90, HOUR_DIGITS),
    satisfactionMean: satisfactionMean === null ? null : round(satisfactionMean, SATISFACTION_DIGITS),
    satisfactionCount: n('satisfaction_count'),
  }
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : round(a / b, RATE_DIGITS)
}

function round(x: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}
