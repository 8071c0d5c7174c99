// Intake: one transaction per report. Convert the point to WGS-84 from the declared CRS, assign it
// by point-in-polygon, propose the routing, find likely duplicates, insert, write the first audit
// row. Idempotent forever on the client's id: the same payload again returns the stored 201 body
// (as a 200); a different payload under that id is a conflict.
import { createHash } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { positionToWgs84, type SourceCrs } from '../geodata/to-wgs84.ts'
import { assignPoint, type Assignment } from './assign-point.ts'
import { routeIncident, type Routing } from './route-incident.ts'
import type { AuthUser } from '../accounts/roles.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'

const FIND_CATEGORY = sqlFile(import.meta.url, 'find-category.sql')
const NEARBY = sqlFile(import.meta.url, 'nearby-incidents.sql')
const INSERT = sqlFile(import.meta.url, 'insert-incident.sql')
const RECORD_EVENT = sqlFile(import.meta.url, 'record-event.sql')
const FIND_EXISTING = 'SELECT payload_hash, intake_response FROM incident WHERE id = $1'
const CITY_BOUNDS = `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
                       FROM (SELECT ST_Extent(geom) AS e FROM admin_unit WHERE level = 'city') b WHERE e IS NOT NULL`
const BOUNDS_MARGIN_DEG = 0.5 // ~50 km: GPS noise and the coast are inside it, a swapped or foreign point is not

export interface IncidentReport {
  id: string
  category: string
  description: string
  location: { type: 'Point'; coordinates: [number, number] }
  crs: SourceCrs
  reportedAt: string
  source: 'terminal' | 'hotline' | '110' | 'video' | 'inspection'
  address?: string
}

export type IntakeResult =
  | { outcome: 'created' | 'replayed'; body: IncidentBody }
  | { outcome: 'conflict' }
  | { outcome: 'invalid'; field: string; message: string }

export interface IncidentBody {
  id: string
  status: 'reported'
  source: string
  category: { code: string; name: string }
  description: string
  address: string | null
  location: { type: 'Point'; coordinates: [number, number] }
  received: { crs: SourceCrs; coordinates: [number, number] }
  reportedAt: string
  receivedAt: string
  assignment: Assignment
  routing: Routing
  nearby: { id: string; status: string; description: string; reportedAt: string; distanceM: number }[]
}

/** A stable fingerprint of what the client sent (key order does not matter). */
export function payloadHash(report: IncidentReport): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : Array.isArray(v) ? v.map(canonical) : v
  return createHash('sha256').update(JSON.stringify(canonical(report))).digest('hex')
}

export interface Reporter {
  user: AuthUser
  jurisdiction: Jurisdiction
}

export async function createIncident(db: Database, report: IncidentReport, by: Reporter): Promise<IntakeResult> {
  const hash = payloadHash(report)
  const [lon, lat] = positionToWgs84(report.location.coordinates, report.crs) as [number, number]
  return db.transaction(async (tx) => {
    const replay = await findExisting(tx, report.id, hash)
    if (replay) return replay

    const bounds = (await tx.query<{ x0: number; y0: number; x1: number; y1: number }>(CITY_BOUNDS)).rows[0]
    if (bounds && !(lon >= bounds.x0 - BOUNDS_MARGIN_DEG && lon <= bounds.x1 + BOUNDS_MARGIN_DEG &&
        lat >= bounds.y0 - BOUNDS_MARGIN_DEG && lat <= bounds.y1 + BOUNDS_MARGIN_DEG)) {
      return { outcome: 'invalid', field: 'location', message: `[${report.location.coordinates.join(', ')}] is far outside the city: send [longitude, latitude] in the declared crs` }
    }
    const category = (await tx.query<CategoryRow>(FIND_CATEGORY, [report.category])).rows[0]
    if (!category) return { outcome: 'invalid', field: 'category', message: `is not a known category code ("${report.category}")` }
    const assignment = await assignPoint(tx, lon, lat)
    if (!inJurisdiction(assignment, by.jurisdiction)) {
      return { outcome: 'invalid', field: 'location', message: 'is outside your jurisdiction: report inside your own area' }
    }
    const reportedAt = new Date(report.reportedAt)
    const routing = routeIncident(toRoutingCategory(category), assignment, reportedAt)
    const nearby = await tx.query<NearbyRow>(NEARBY, [lon, lat, category.code, category.duplicate_radius_m, category.duplicate_window_h, reportedAt.toISOString(), report.id])

    const body: IncidentBody = {
      id: report.id,
      status: 'reported',
      source: report.source,
      category: { code: category.code, name: category.name },
      description: report.description,
      address: report.address ?? null,
      location: { type: 'Point', coordinates: [lon, lat] },
      received: { crs: report.crs, coordinates: report.location.coordinates },
      reportedAt: reportedAt.toISOString(),
      receivedAt: '', // set from the row below
      assignment,
      routing,
      nearby: nearby.rows.map((n) => ({ id: n.id, status: n.status, description: n.description, reportedAt: new Date(n.reported_at).toISOString(), distanceM: Number(n.distance_m) })),
    }
    const receivedAt = new Date().toISOString()
    body.receivedAt = receivedAt
    const inserted = await tx.query(INSERT, [
      report.id, report.source, category.code, report.description, report.address ?? null, lon, lat,
      JSON.stringify(report), report.crs, hash, body.reportedAt, by.user.id, assignment.grid?.id ?? null,
      assignment.grid?.code ?? null, assignment.exclusiveGrids.map((g) => g.code), assignment.station?.id ?? null,
      assignment.village?.code ?? null, assignment.town?.code ?? null, assignment.county?.code ?? null,
      assignment.method, routing.handlingLevel, routing.department.code, routing.assignee?.code ?? null,
      routing.dueAt, JSON.stringify(body),
    ])
    if (inserted.rowCount === 0) {
      // A concurrent post of the same id committed first; answer as its replay would.
      return (await findExisting(tx, report.id, hash))!
    }
    await tx.query(RECORD_EVENT, [report.id, by.user.id, by.user.role, 'report', null, 'reported', null,
      JSON.stringify({ assignment: { grid: assignment.grid?.code ?? null, method: assignment.method }, routing })])
    return { outcome: 'created', body }
  })
}

async function findExisting(tx: Queryable, id: string, hash: string): Promise<IntakeResult | null> {
  const { rows } = await tx.query<{ payload_hash: string; intake_response: IncidentBody | string }>(FIND_EXISTING, [id])
  if (!rows[0]) return null
  if (rows[0].payload_hash !== hash) return { outcome: 'conflict' }
  const body = rows[0].intake_response
  return { outcome: 'replayed', body: typeof body === 'string' ? JSON.parse(body) : body }
}

/** A reporter may file only inside their area; only city-wide users may file outside every grid. */
function inJurisdiction(a: Assignment, j: Jurisdiction): boolean {
  if (j.areaPrefixes.includes('')) return true
  const village = a.village?.code
  return !!village && j.areaPrefixes.some((p) => village.startsWith(p))
}

interface CategoryRow {
  code: string
  name: string
  department_code: string
  department_name: string
  police_relevant: boolean
  self_resolvable: boolean
  exclusive_types: string[]
  time_limit: number
  time_limit_unit: 'natural_hours' | 'working_hours' | 'working_days'
  duplicate_radius_m: number
  duplicate_window_h: number
}

interface NearbyRow {
  id: string
  status: string
  description: string
  reported_at: Date | string
  distance_m: number
}

const toRoutingCategory = (c: CategoryRow) => ({
  code: c.code,
  departmentCode: c.department_code,
  departmentName: c.department_name,
  policeRelevant: c.police_relevant,
  selfResolvable: c.self_resolvable,
  exclusiveTypes: c.exclusive_types,
  timeLimit: Number(c.time_limit),
  timeLimitUnit: c.time_limit_unit,
})
