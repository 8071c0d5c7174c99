// GET /api/incidents: a page of incidents inside the caller's jurisdiction, filtered, newest first,
// paged by keyset (the cursor is the last row's report time and id, so pages stay stable while
// new reports arrive).
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { adminPrefix, scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from './incident-scope.ts'
import { OPEN_STATUSES, type Level, type Status } from './incident-transitions.ts'

const LIST = sqlFile(import.meta.url, 'list-incidents.sql')

export interface IncidentFilter {
  status?: Status[]
  category?: string[]
  area?: string // a 12-digit admin code: the incident's village lies in it
  department?: string
  level?: Level
  from?: Date // reported at or after
  to?: Date // reported before
  overdue?: boolean // open with its step deadline passed
  light?: 'green' | 'yellow' | 'red'
  cursor?: string
  limit: number
}

export interface Cursor {
  reportedAt: string
  id: string
}

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.reportedAt}|${c.id}`).toString('base64url')

export function decodeCursor(s: string): Cursor | null {
  const [reportedAt, id, ...rest] = Buffer.from(s, 'base64url').toString('utf8').split('|')
  // exactly what list-incidents.sql wrote: a UTC instant to the microsecond, and a uuid
  if (rest.length || !id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(reportedAt ?? '')) return null
  const t = new Date(reportedAt)
  const real = !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 19) === reportedAt.slice(0, 19) // not 02-30
  if (!real || t.getUTCFullYear() < 1) return null // any instant the server wrote (an older import took any year)
  return { reportedAt, id }
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

export async function listIncidents(db: Queryable, j: Jurisdiction, f: IncidentFilter, now: Date) {
  const params: unknown[] = []
  const bind = (v: unknown) => `$${params.push(v)}`
  const where = [`(${scopePredicate(j, INCIDENT_SCOPE, params)})`]
  if (f.status?.length) where.push(`i.status = ANY(${bind(f.status)}::text[])`)
  if (f.category?.length) where.push(`i.category_code = ANY(${bind(f.category)}::text[])`)
  if (f.area) where.push(`i.village_code LIKE ${bind(`${adminPrefix(f.area)}%`)}`)
  if (f.department) where.push(`i.department_code = ${bind(f.department)}`)
  if (f.level) where.push(`coalesce(i.handling_level, 'town') = ${bind(f.level)}`)
  if (f.from) where.push(`i.reported_at >= ${bind(f.from)}`)
  if (f.to) where.push(`i.reported_at < ${bind(f.to)}`)
  const nowParam = bind(now)
  if (f.overdue) where.push(`i.status = ANY(${bind(OPEN_STATUSES)}::text[]) AND i.step_due_at < ${nowParam}`)
  if (f.light === 'red') where.push(`i.step_due_at < ${nowParam}`)
  if (f.light === 'yellow') where.push(`i.step_due_at >= ${nowParam} AND i.step_warn_at <= ${nowParam}`)
  if (f.light === 'green') where.push(`i.step_warn_at > ${nowParam}`)
  const cursor = f.cursor ? decodeCursor(f.cursor) : null
  if (cursor) where.push(`(i.reported_at, i.id) < (${bind(cursor.reportedAt)}::timestamptz, ${bind(cursor.id)}::uuid)`)
  const limitParam = bind(f.limit + 1) // one more tells whether a next page exists
  const sql = LIST.replace('{{filters}}', () => where.join('\n   AND ')).replaceAll('{{now}}', () => nowParam).replace('{{limit}}', () => limitParam)
  const { rows } = await db.query<Record<string, any>>(sql, params)
  const page = rows.slice(0, f.limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      source: r.source,
      category: { code: r.category_code, name: r.category_name },
      description: r.description,
      address: r.address,
      location: { type: 'Point' as const, coordinates: [r.lon, r.lat] },
      reportedAt: iso(r.reported_at),
      area: { county: r.county_code, town: r.town_code, village: r.village_code, grid: r.grid_code },
      handlingLevel: r.handling_level,
      department: r.department_code,
      assignee: r.assignee ? { kind: r.assignee_kind, code: r.assignee } : null,
      dueAt: iso(r.due_at),
      stepDueAt: iso(r.step_due_at),
      light: r.light,
      closedAt: iso(r.closed_at),
      counts: { rework: Number(r.rework_count), returns: Number(r.return_count), extensions: Number(r.extension_count), escalations: Number(r.escalation_count) },
      selfResolved: r.self_resolved,
      satisfaction: r.satisfaction,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ reportedAt: last.reported_key, id: last.id }) : null,
  }
}
