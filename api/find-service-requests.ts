// Incidents in the shape of Open311 GeoReport v2 service requests, within a jurisdiction. Our ten
// statuses fold into the spec's two; the department is the agency responsible; the due time is
// the expected time. Times are W3C datetimes in China Standard Time (+08:00, no daylight saving).
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'

const FIND = sqlFile(import.meta.url, 'find-service-requests.sql')
const CST_OFFSET_MS = 8 * 3_600_000 // UTC+8 all year
export const OPEN311_STATUS: Record<string, 'open' | 'closed'> = {
  reported: 'open', accepted: 'open', dispatched: 'open', signed: 'open', handled: 'open', verified: 'open', shelved: 'open',
  closed: 'closed', evaluated: 'closed', rejected: 'closed', merged: 'closed',
}

export interface ServiceRequest {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes: string | null
  service_name: string
  service_code: string
  description: string | null
  agency_responsible: string | null
  service_notice: string | null
  requested_datetime: string
  updated_datetime: string
  expected_datetime: string | null
  address: string | null
  address_id: null
  zipcode: null
  lat: number
  long: number
  media_url: string | null
}

export interface ServiceRequestFilter {
  ids?: string[]
  serviceCodes?: string[]
  /** Reported between (inclusive); ignored with ids. */
  start?: Date
  end?: Date
  statuses?: ('open' | 'closed')[]
  limit: number
}

interface Row {
  id: string
  status: string
  category_code: string
  category_name: string
  description: string
  department_name: string | null
  reported_at: Date | string
  due_at: Date | string | null
  address: string | null
  lon: number
  lat: number
  media_url: string | null
  merged_into: string | null
  updated_at: Date | string
  last_note: string | null
}

/** "2026-12-03T17:30:00+08:00" */
export function w3cTime(t: Date | string): string {
  return `${new Date(new Date(t).getTime() + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/** What the caller is told will happen: who handles it and by when. */
export function serviceNotice(departmentName: string | null, dueAt: Date | string | null): string | null {
  if (!departmentName) return null
  return dueAt ? `已转${departmentName}办理，办理时限至${w3cTime(dueAt)}` : `已转${departmentName}办理`
}

export async function findServiceRequests(db: Queryable, f: ServiceRequestFilter, j: Jurisdiction): Promise<ServiceRequest[]> {
  const statuses = f.statuses && Object.keys(OPEN311_STATUS).filter((s) => f.statuses!.includes(OPEN311_STATUS[s]))
  const params: unknown[] = [f.ids ?? null, f.serviceCodes ?? null, f.start?.toISOString() ?? null, f.end?.toISOString() ?? null, statuses ?? null, f.limit]
  const { rows } = await db.query<Row>(FIND.replace('{{scope}}', scopePredicate(j, INCIDENT_SCOPE, params)), params)
  return rows.map((r) => ({
    service_request_id: r.id,
    status: OPEN311_STATUS[r.status],
    status_notes: r.last_note ?? (r.merged_into ? `重复工单，已并入 ${r.merged_into}` : null),
    service_name: r.category_name,
    service_code: r.category_code,
    description: r.description || null,
    agency_responsible: r.department_name,
    service_notice: serviceNotice(r.department_name, r.due_at),
    requested_datetime: w3cTime(r.reported_at),
    updated_datetime: w3cTime(r.updated_at),
    expected_datetime: r.due_at ? w3cTime(r.due_at) : null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: Number(r.lat),
    long: Number(r.lon),
    media_url: r.media_url,
  }))
}
