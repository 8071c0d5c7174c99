// How incident rows tie to each kind of jurisdiction: centers by area (the village code carries
// county and town), stations by the station holding the point, departments by routing, grid
// workers by grid. Used by every scoped incident query.
import type { ScopeColumns } from '../accounts/jurisdiction.ts'

export const INCIDENT_SCOPE: ScopeColumns = {
  area: 'i.village_code',
  station: '(SELECT s.code FROM station s WHERE s.id = i.station_id)',
  department: 'i.department_code',
  grid: 'i.grid_code',
}
