// An incident as every endpoint shows it, read from its columns under the reader's jurisdiction
// (a reporter always sees their own reports): assignment, routing and the duplicate suggestions
// the reader may see. Null when it does not exist for this reader.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from './incident-scope.ts'
import type { Assignment, AssignMethod } from './assign-point.ts'
import type { HandlingLevel, Routing } from './route-incident.ts'
import type { SourceCrs } from '../geodata/to-wgs84.ts'

const READ_INCIDENT = sqlFile(import.meta.url, 'read-incident.sql')
/** `$1` lon, `$2` lat, `$3` category, `$4` own id, `$5` report time; `{{scope}}`. Also part of intake-facts.sql. */
export const NEARBY = sqlFile(import.meta.url, 'nearby-incidents.sql')

export interface Reader {
  userId: number
  jurisdiction: Jurisdiction
}

export interface IncidentView {
  id: string
  status: string
  source: string
  category: { code: string; name: string }
  description: string
  address: string | null
  location: { type: 'Point'; coordinates: [number, number] }
  received: { crs: SourceCrs | null; coordinates: [number, number] | null }
  reportedAt: string
  receivedAt: string
  closedAt: string | null
  assignment: Assignment
  routing: Routing
  nearby: { id: string; status: string; description: string; reportedAt: string; distanceM: number }[]
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export async function readIncident(db: Queryable, id: string, by: Reader): Promise<IncidentView | null> {
  const params: unknown[] = [id, by.userId]
  const { rows } = await db.query<Record<string, any>>(READ_INCIDENT.replace('{{scope}}', () => scopePredicate(by.jurisdiction, INCIDENT_SCOPE, params)), params)
  const r = rows[0]
  if (!r) return null
  const nearby = await findNearby(db, { lon: r.lon, lat: r.lat, category: r.category.code, id: r.id, reportedAt: r.reported_at }, by.jurisdiction)
  return {
    id: r.id,
    status: r.status,
    source: r.source,
    category: r.category,
    description: r.description,
    address: r.address,
    location: { type: 'Point', coordinates: [r.lon, r.lat] },
    received: { crs: r.raw_crs, coordinates: r.received },
    reportedAt: iso(r.reported_at)!,
    receivedAt: iso(r.received_at)!,
    closedAt: iso(r.closed_at),
    assignment: {
      grid: r.grid,
      exclusiveGrids: r.exclusive_grids,
      station: r.station,
      village: r.village,
      town: r.town,
      county: r.county,
      method: (r.assign_method ?? 'outside') as AssignMethod,
    },
    routing: {
      department: r.department,
      handlingLevel: r.handling_level as HandlingLevel,
      assignee: r.assignee ? { kind: r.assignee_kind, code: r.assignee, name: r.assignee_name ?? '' } : null,
      dueAt: iso(r.due_at)!,
    },
    nearby,
  }
}

/** Open reports of the same category near a point that the reader may see: the duplicate suggestion. */
export async function findNearby(db: Queryable, of: { lon: number; lat: number; category: string; id: string; reportedAt: Date | string },
  jurisdiction: Jurisdiction): Promise<IncidentView['nearby']> {
  const params: unknown[] = [of.lon, of.lat, of.category, of.id, of.reportedAt]
  const { rows } = await db.query<NearbyRow>(NEARBY.replace('{{scope}}', () => scopePredicate(jurisdiction, INCIDENT_SCOPE, params)), params)
  return toNearby(rows)
}

export interface NearbyRow { id: string; status: string; description: string; reported_at: Date | string; distance_m: number | string }

export function toNearby(rows: NearbyRow[]): IncidentView['nearby'] {
  return rows.map((n) => ({ id: n.id, status: n.status, description: n.description, reportedAt: iso(n.reported_at)!, distanceM: Number(n.distance_m) }))
}
