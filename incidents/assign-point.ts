// Where a point belongs: basic grid, exclusive grids, station, village, town, county, and how that
// was decided. The rule is in assign-point.sql, the one place it is written down.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'

/** `$1` lon, `$2` lat; one row (AssignmentRow). Also part of intake-facts.sql. */
export const ASSIGN_POINT = sqlFile(import.meta.url, 'assign-point.sql')

export type AssignMethod = 'inside' | 'edge' | 'nearest' | 'outside'
interface Named {
  code: string
  name: string
}

export interface Assignment {
  grid: (Named & { id: number; version: number }) | null
  exclusiveGrids: (Named & { type: string })[]
  station: (Named & { id: number }) | null
  village: Named | null
  town: Named | null
  county: Named | null
  method: AssignMethod
}

export interface AssignmentRow {
  grid_id: number | null
  grid_code: string | null
  grid_name: string | null
  grid_version: number | null
  method: AssignMethod
  village_code: string | null
  village_name: string | null
  town_code: string | null
  town_name: string | null
  county_code: string | null
  county_name: string | null
  station_id: number | null
  station_code: string | null
  station_name: string | null
  exclusive_grids: (Named & { type: string })[] | string
}

const named = (code: string | null, name: string | null): Named | null => (code ? { code, name: name ?? '' } : null)

export async function assignPoint(db: Queryable, lon: number, lat: number): Promise<Assignment> {
  const { rows } = await db.query<AssignmentRow>(ASSIGN_POINT, [lon, lat])
  return toAssignment(rows[0])
}

export function toAssignment(r: AssignmentRow): Assignment {
  return {
    grid: r.grid_id ? { id: r.grid_id, code: r.grid_code!, name: r.grid_name!, version: r.grid_version! } : null,
    exclusiveGrids: typeof r.exclusive_grids === 'string' ? JSON.parse(r.exclusive_grids) : r.exclusive_grids,
    station: r.station_id ? { id: r.station_id, code: r.station_code!, name: r.station_name! } : null,
    village: named(r.village_code, r.village_name),
    town: named(r.town_code, r.town_name),
    county: named(r.county_code, r.county_name),
    method: r.method,
  }
}
