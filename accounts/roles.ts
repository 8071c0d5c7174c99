// The nine roles of DESIGN.md and the kinds of jurisdiction a user can hold.
export const ROLES = [
  'admin', // everything, city-wide
  'city_center', // city command center (市指挥中心)
  'county_center', // county/district linkage center
  'town_center', // town/street linkage center (镇街联动中心), the hub
  'village_center', // village/community workstation
  'department', // one of the 13 handling departments
  'station', // police station (派出所)
  'grid_office', // grid office (网格办): boundaries and staff
  'grid_worker', // grid worker / grid head (网格员 / 网格长)
] as const
export type Role = (typeof ROLES)[number]

export const SCOPE_KINDS = ['all', 'admin_unit', 'station', 'department', 'grids'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

/** The roles that act for a whole area and so hold an admin-unit jurisdiction. */
export const CENTER_ROLES: readonly Role[] = ['city_center', 'county_center', 'town_center', 'village_center']

export interface AuthUser {
  id: number
  username: string
  displayName: string
  role: Role
  scopeKind: ScopeKind
  scopeCodes: string[]
}
