// Who may see an incident announced on the live feed, decided in JavaScript for each open stream.
// It mirrors scopePredicate(j, INCIDENT_SCOPE) (accounts/jurisdiction.ts, incidents/incident-scope.ts)
// row for row: the feed must show exactly what the scoped queries would return, no more.
import type { Jurisdiction } from '../accounts/jurisdiction.ts'

/** The payload of a NOTIFY on incident_changed (migrations/0006_incident_notify.sql). */
export interface IncidentChange {
  id: string
  op: 'insert' | 'update'
  status: string
  categoryCode: string
  villageCode: string | null
  stationCode: string | null
  departmentCode: string | null
  gridCode: string | null
  location: [number, number] // WGS-84 [lon, lat]
  reportedAt: string
}

export function canSee(j: Jurisdiction, e: IncidentChange): boolean {
  switch (j.kind) {
    case 'all':
      return true
    case 'none':
      return false
    case 'admin_unit': {
      if (j.areaPrefixes.includes('')) return true
      const village = e.villageCode
      return village !== null && j.areaPrefixes.some((p) => village.startsWith(p))
    }
    case 'station':
      return e.stationCode !== null && j.codes.includes(e.stationCode)
    case 'department':
      return e.departmentCode !== null && j.codes.includes(e.departmentCode)
    case 'grids':
      return e.gridCode !== null && j.codes.includes(e.gridCode)
  }
}
