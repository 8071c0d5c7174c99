// GET /api/supervision: the overdue incidents escalated to a level, inside the caller's area.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from './incident-scope.ts'
import type { Level } from './incident-transitions.ts'

const QUEUE = sqlFile(import.meta.url, 'supervision-queue.sql')
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString())

export async function supervisionQueue(db: Queryable, j: Jurisdiction, level: Level | null, limit: number) {
  const params: unknown[] = []
  const levelTest = level ? `s.to_level = $${params.push(level)}` : 'TRUE'
  const scope = scopePredicate(j, INCIDENT_SCOPE, params)
  const sql = QUEUE.replace('{{level}}', () => levelTest).replace('{{scope}}', () => scope).replace('{{limit}}', () => `$${params.push(limit)}`)
  const { rows } = await db.query<Record<string, any>>(sql, params)
  return rows.map((r) => ({
    supervision: { id: Number(r.id), at: iso(r.at), overdueStatus: r.overdue_status, missedDueAt: iso(r.missed_due_at), fromLevel: r.from_level, toLevel: r.to_level },
    incident: {
      id: r.incident_id, status: r.status, category: { code: r.category_code, name: r.category_name }, description: r.description,
      area: { county: r.county_code, town: r.town_code, village: r.village_code }, handlingLevel: r.handling_level,
      department: r.department_code, stepDueAt: iso(r.step_due_at), escalations: Number(r.escalation_count),
    },
  }))
}
