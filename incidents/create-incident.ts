// Intake of one report. Convert the point to WGS-84 from the declared CRS, assign it by
// point-in-polygon, propose the routing, find likely duplicates, insert with the first audit row,
// and answer with the incident as the reporter sees it. Idempotent forever on the client's id: the
// same payload again returns the stored 201 body (as a 200); a different payload under that id is
// a conflict. Two round trips, because every one costs more than the work it carries (see
// bench/intake-bench.ts): one read of everything the report needs (intake-facts.sql), then one
// statement that writes the incident and its audit row together (intake-write.sql), which is the
// report's one transaction. Nothing is written when anything is wrong.
import { createHash } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { CrsConversionError, positionToWgs84, type SourceCrs } from '../geodata/to-wgs84.ts'
import { ASSIGN_POINT, toAssignment, type Assignment, type AssignmentRow } from './assign-point.ts'
import { categoryForRouting, routeIncident, type CategoryRoutingRow } from './route-incident.ts'
import { workingCalendarOf } from './working-calendar.ts'
import { deadlineForStatus } from './step-deadline.ts'
import { NEARBY, toNearby, type IncidentView, type NearbyRow } from './read-incident.ts'
import { INCIDENT_SCOPE } from './incident-scope.ts'
import type { AuthUser } from '../accounts/roles.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'

const FACTS = sqlFile(import.meta.url, 'intake-facts.sql').replace('{{assign}}', () => ASSIGN_POINT).replace('{{nearby}}', () => NEARBY)
const WRITE = sqlFile(import.meta.url, 'intake-write.sql').replace('{{insert}}', () => sqlFile(import.meta.url, 'insert-incident.sql'))
const FIND_EXISTING = 'SELECT payload_hash, intake_response, reporter_id FROM incident WHERE id = $1'
const CITY_BOUNDS = `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
                       FROM (SELECT ST_Extent(geom) AS e FROM admin_unit WHERE level = 'city') b WHERE e IS NOT NULL`
const BOUNDS_MARGIN_DEG = 0.5 // ~50 km: GPS noise and the coast are inside it, a swapped or foreign point is not
const BOUNDS_TTL_MS = 60_000 // the city's extent is read at most once a minute per database handle

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
  | { outcome: 'created' | 'replayed'; body: IncidentView }
  | { outcome: 'conflict' }
  | { outcome: 'invalid'; field: string; message: string }

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
  // Bounds first, on the coordinates as sent: every CRS we accept is within 0.02° of WGS-84,
  // and a far-off point must not reach the CRS inversion. (A replay passed this check before.)
  const [x, y] = report.location.coordinates
  const bounds = await cityBounds(db)
  if (bounds && !(x >= bounds.x0 - BOUNDS_MARGIN_DEG && x <= bounds.x1 + BOUNDS_MARGIN_DEG &&
      y >= bounds.y0 - BOUNDS_MARGIN_DEG && y <= bounds.y1 + BOUNDS_MARGIN_DEG)) {
    return (await findExisting(db, report.id, hash, by)) ??
      { outcome: 'invalid', field: 'location', message: `[${x}, ${y}] is far outside the city: send [longitude, latitude] in the declared crs` }
  }
  let wgs: number[]
  try {
    wgs = positionToWgs84(report.location.coordinates, report.crs)
  } catch (err) {
    if (err instanceof CrsConversionError) return (await findExisting(db, report.id, hash, by)) ?? { outcome: 'invalid', field: 'location', message: err.message }
    throw err
  }
  const [lon, lat] = wgs
  const id = report.id.toLowerCase()
  const reportedAt = new Date(report.reportedAt).toISOString()

  const params: unknown[] = [lon, lat, report.category, id, reportedAt]
  const facts = (await db.query<FactsRow>(FACTS.replace('{{scope}}', () => scopePredicate(by.jurisdiction, INCIDENT_SCOPE, params)), params)).rows[0]
  if (facts.payload_hash !== null) return replayOf(facts, hash, by)
  const category = parseJson(facts.category)
  if (!category) return { outcome: 'invalid', field: 'category', message: `is not a known category code ("${report.category}")` }
  const assignment = toAssignment(parseJson(facts.assignment)!)
  if (!inJurisdiction(assignment, by.jurisdiction)) {
    return { outcome: 'invalid', field: 'location', message: 'is outside your jurisdiction: report inside your own area' }
  }
  const calendar = await workingCalendarOf(db, db)
  const forRouting = categoryForRouting(category)
  const routing = routeIncident(forRouting, assignment, new Date(report.reportedAt), calendar)
  const review = deadlineForStatus(calendar, forRouting, 'reported', new Date(report.reportedAt)) // the hub's first step
  // The 201 body is built here from what is already known, as readIncident() would show the
  // row (a test holds the two to the same shape), and stored with the row for replays.
  const receivedAt = new Date()
  const body: IncidentView = {
    id, status: 'reported', source: report.source, category: { code: category.code, name: category.name },
    description: report.description, address: report.address ?? null,
    location: { type: 'Point', coordinates: [lon, lat] },
    received: { crs: report.crs, coordinates: report.location.coordinates },
    reportedAt, receivedAt: receivedAt.toISOString(), closedAt: null,
    assignment, routing, nearby: toNearby(parseJson(facts.nearby) ?? []),
  }
  const written = await db.query(WRITE, [
    report.id, report.source, category.code, report.description, report.address ?? null, lon, lat,
    JSON.stringify(report), report.crs, hash, report.reportedAt, by.user.id, assignment.grid?.id ?? null,
    assignment.grid?.code ?? null, assignment.exclusiveGrids.map((g) => g.code), assignment.station?.id ?? null,
    assignment.village?.code ?? null, assignment.town?.code ?? null, assignment.county?.code ?? null,
    assignment.method, routing.handlingLevel, routing.department.code, routing.assignee?.kind ?? null,
    routing.assignee?.code ?? null, routing.dueAt, receivedAt, JSON.stringify(body), review.dueAt, review.warnAt,
    by.user.id, by.user.role, JSON.stringify({ assignment: { grid: assignment.grid?.code ?? null, method: assignment.method }, routing }),
  ])
  if (written.rowCount === 0) {
    // A concurrent post of the same id committed first; answer as its replay would.
    return (await findExisting(db, report.id, hash, by))!
  }
  return { outcome: 'created', body }
}

type Bounds = { x0: number; y0: number; x1: number; y1: number } | undefined
const boundsCache = new WeakMap<Database, { at: number; bounds: Bounds }>()

/** The city's extent (reading it means detoasting the whole boundary, so it is kept a minute). */
async function cityBounds(db: Database): Promise<Bounds> {
  const hit = boundsCache.get(db)
  if (hit && Date.now() - hit.at < BOUNDS_TTL_MS) return hit.bounds
  const bounds = (await db.query<NonNullable<Bounds>>(CITY_BOUNDS)).rows[0]
  if (bounds) boundsCache.set(db, { at: Date.now(), bounds }) // no city yet: ask again next time
  return bounds
}

async function findExisting(db: Queryable, id: string, hash: string, by: Reporter): Promise<IntakeResult | null> {
  const { rows } = await db.query<StoredReport>(FIND_EXISTING, [id])
  return rows[0] ? replayOf(rows[0], hash, by) : null
}

interface StoredReport { payload_hash: string | null; intake_response: IncidentView | string | null; reporter_id: string | number | null }

/**
 * The stored answer, to its reporter only: the body holds the reporter's duplicate suggestions,
 * which may lie outside another caller's jurisdiction. Anyone else who sends the same id gets the
 * conflict a different payload gets (ids are the clients' to make unique).
 */
function replayOf(stored: StoredReport, hash: string, by: Reporter): IntakeResult {
  if (stored.payload_hash !== hash || String(stored.reporter_id) !== String(by.user.id)) return { outcome: 'conflict' }
  return { outcome: 'replayed', body: parseJson(stored.intake_response)! }
}

/** json columns arrive parsed from the server and as text from some paths of the embedded engine. */
function parseJson<T>(v: T | string | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v
}

/** A reporter may file only inside their area; only city-wide users may file outside every grid. */
function inJurisdiction(a: Assignment, j: Jurisdiction): boolean {
  if (j.areaPrefixes.includes('')) return true
  const village = a.village?.code
  return !!village && j.areaPrefixes.some((p) => village.startsWith(p))
}

interface FactsRow extends StoredReport {
  category: CategoryRow | string | null
  assignment: AssignmentRow | string
  nearby: NearbyRow[] | string | null
}

interface CategoryRow extends CategoryRoutingRow {
  name: string
  duplicate_radius_m: number
  duplicate_window_h: number
}
