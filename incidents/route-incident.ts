// The routing proposal for a new report (the town hub confirms or changes it on review):
//   police-relevant categories → the station holding the point (grid policing);
//   an exclusive grid answering for the category → that grid, over the basic grid;
//   categories a village may settle itself (自处置) → the village;
//   everything else → the town/street hub; a point outside every grid → the county or city center.
// The department is the category's; the deadline is the category's time limit from the report,
// counted on the working calendar (holidays and make-up working days included).
import type { Assignment } from './assign-point.ts'
import { addWorkingTime, type TimeLimitUnit, type WorkingCalendar } from './working-calendar.ts'

export interface CategoryForRouting {
  code: string
  departmentCode: string
  departmentName: string
  policeRelevant: boolean
  selfResolvable: boolean
  exclusiveTypes: string[]
  timeLimit: number
  timeLimitUnit: TimeLimitUnit
}

/** A category's routing fields as both intake and bulk import read them from the category table. */
export interface CategoryRoutingRow {
  code: string
  department_code: string
  department_name: string
  police_relevant: boolean
  self_resolvable: boolean
  exclusive_types: string[]
  time_limit: number
  time_limit_unit: TimeLimitUnit
}

export const categoryForRouting = (c: CategoryRoutingRow): CategoryForRouting => ({
  code: c.code,
  departmentCode: c.department_code,
  departmentName: c.department_name,
  policeRelevant: c.police_relevant,
  selfResolvable: c.self_resolvable,
  exclusiveTypes: c.exclusive_types,
  timeLimit: Number(c.time_limit), // numeric
  timeLimitUnit: c.time_limit_unit,
})

export type HandlingLevel = 'village' | 'town' | 'county' | 'city'

export interface Routing {
  department: { code: string; name: string }
  handlingLevel: HandlingLevel
  /** Who is proposed to act: the station, an exclusive grid, or the basic grid's team. */
  assignee: { kind: 'station' | 'exclusive_grid' | 'grid'; code: string; name: string } | null
  dueAt: string
}

export function routeIncident(category: CategoryForRouting, a: Assignment, reportedAt: Date, calendar: WorkingCalendar): Routing {
  const department = { code: category.departmentCode, name: category.departmentName }
  const dueAt = addWorkingTime(calendar, reportedAt, category.timeLimit, category.timeLimitUnit).toISOString()
  if (a.method === 'outside') {
    return { department, handlingLevel: a.county ? 'county' : 'city', assignee: null, dueAt }
  }
  const exclusive = a.exclusiveGrids.find((g) => category.exclusiveTypes.includes(g.type))
  let assignee: Routing['assignee'] = a.grid && { kind: 'grid', code: a.grid.code, name: a.grid.name }
  if (category.policeRelevant && a.station) assignee = { kind: 'station', code: a.station.code, name: a.station.name }
  else if (exclusive) assignee = { kind: 'exclusive_grid', code: exclusive.code, name: exclusive.name }
  const handlingLevel: HandlingLevel = category.selfResolvable && !category.policeRelevant ? 'village' : 'town'
  return { department, handlingLevel, assignee, dueAt }
}
