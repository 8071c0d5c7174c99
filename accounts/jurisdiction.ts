// Jurisdiction: which rows a user may see. Every scoped query takes a Jurisdiction and builds its
// WHERE clause with scopePredicate(), so a query cannot be written against a scoped table without
// deciding how the scope applies; a scope kind the row cannot be tied to matches nothing.
import type { AuthUser, ScopeKind } from './roles.ts'

export interface Jurisdiction {
  kind: ScopeKind | 'none' // none: an anonymous caller on a public route, who sees no scoped rows
  codes: string[] // admin-unit codes, station codes, department codes or grid codes
  /** Admin-code prefixes of the area the user works in (map context, statistics). */
  areaPrefixes: string[]
}

/** How a row ties to each kind of scope; values are SQL column expressions of the row. */
export interface ScopeColumns {
  area?: string // a 12-digit admin code (or a grid code, which extends its village's code)
  station?: string
  department?: string
  grid?: string
}

/** 12-digit statistical code → the prefix all its descendants share (320612001000 → 320612001). */
export function adminPrefix(code: string): string {
  if (code.endsWith('00000000')) return code.slice(0, 4) // city
  if (code.endsWith('000000')) return code.slice(0, 6) // county
  if (code.endsWith('000')) return code.slice(0, 9) // town
  return code // village
}

/**
 * The area a user works in. Admin-unit scopes are their own area; a station's is its county, a
 * grid worker's the villages of their grids; departments work city-wide.
 */
export function jurisdictionOf(user: AuthUser, stationCounties: Map<string, string> = new Map()): Jurisdiction {
  const codes = user.scopeCodes
  switch (user.scopeKind) {
    case 'all':
    case 'department':
      return { kind: user.scopeKind, codes, areaPrefixes: [''] }
    case 'admin_unit':
      return { kind: 'admin_unit', codes, areaPrefixes: codes.map(adminPrefix) }
    case 'station':
      return { kind: 'station', codes, areaPrefixes: codes.map((c) => adminPrefix(stationCounties.get(c) ?? 'x')) }
    case 'grids':
      return { kind: 'grids', codes, areaPrefixes: [...new Set(codes.map((c) => c.slice(0, 12)))] }
  }
}

/**
 * A SQL predicate (appending its values to `params`) true for the rows inside `j`. With
 * `byArea`, every kind of scope is read as its area (admin units, statistics).
 * incidents/can-see.ts mirrors this in JavaScript for the live feed: change both together.
 */
export function scopePredicate(j: Jurisdiction, cols: ScopeColumns, params: unknown[], byArea = false): string {
  if (j.kind === 'all') return 'TRUE'
  if (j.kind === 'none') return 'FALSE'
  const bind = (value: unknown) => `$${params.push(value)}`
  if (byArea || j.kind === 'admin_unit') {
    if (!cols.area) return 'FALSE'
    if (j.areaPrefixes.includes('')) return 'TRUE'
    return `${cols.area} LIKE ANY(${bind(j.areaPrefixes.map((p) => `${p}%`))}::text[])`
  }
  const col = { station: cols.station, department: cols.department, grids: cols.grid }[j.kind]
  return col ? `${col} = ANY(${bind(j.codes)}::text[])` : 'FALSE'
}
