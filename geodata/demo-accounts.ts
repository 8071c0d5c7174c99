// The demo sign-in accounts, named by code as the README lists them: one per county center, town
// center, station and department, a village center and a grid worker per town, plus admin, city
// and grid office. They exist only where the demo seed made them.
import type { NewUser } from '../accounts/create-user.ts'
import type { Department } from './taxonomy.ts'
import type { SyntheticGeography, StationRow } from './synthetic-city.ts'

export function demoAccounts(geo: SyntheticGeography, stations: readonly StationRow[], departments: readonly Department[]): Omit<NewUser, 'passwordHash'>[] {
  const units = geo.adminUnits
  const city = units.find((u) => u.level === 'city')!
  const accounts: Omit<NewUser, 'passwordHash'>[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scopeKind: 'all' },
    { username: 'city', displayName: `${city.name}指挥中心`, role: 'city_center', scopeKind: 'all' },
    { username: 'gridoffice', displayName: `${city.name}网格办`, role: 'grid_office', scopeKind: 'all' },
  ]
  for (const u of units.filter((u) => u.level === 'county')) {
    accounts.push({ username: `county-${u.code.slice(0, 6)}`, displayName: `${u.name}社会治理中心`, role: 'county_center', scopeKind: 'admin_unit', scopeCodes: [u.code] })
  }
  for (const u of units.filter((u) => u.level === 'town')) {
    accounts.push({ username: `town-${u.code.slice(0, 9)}`, displayName: `${u.name}联动中心`, role: 'town_center', scopeKind: 'admin_unit', scopeCodes: [u.code] })
    const village = units.find((v) => v.level === 'village' && v.parentCode === u.code)
    if (village) {
      accounts.push({ username: `village-${village.code}`, displayName: `${village.name}工作站`, role: 'village_center', scopeKind: 'admin_unit', scopeCodes: [village.code] })
      const grid = geo.grids.find((g) => g.kind === 'basic' && g.villageCode === village.code)
      if (grid) accounts.push({ username: `worker-${grid.code}`, displayName: `${grid.name}网格员`, role: 'grid_worker', scopeKind: 'grids', scopeCodes: [grid.code] })
    }
  }
  for (const s of stations) {
    accounts.push({ username: `station-${s.code}`, displayName: s.name, role: 'station', scopeKind: 'station', scopeCodes: [s.code] })
  }
  for (const d of departments) {
    accounts.push({ username: `department-${d.code.toLowerCase()}`, displayName: d.name, role: 'department', scopeKind: 'department', scopeCodes: [d.code] })
  }
  return accounts.map((a) => ({ ...a, demo: true }))
}
