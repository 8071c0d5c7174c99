// Reads a user for sign-in (by username) or for a request (by the id in its token). Inactive
// users are not found, so deactivating an account ends its sessions at once.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import type { AuthUser, Role, ScopeKind } from './roles.ts'

const FIND_USER = sqlFile(import.meta.url, 'find-user.sql')

export interface StoredUser extends AuthUser {
  passwordHash: string
  stationCounties: Map<string, string>
}

interface Row {
  id: number
  username: string
  display_name: string
  role: Role
  scope_kind: ScopeKind
  scope_codes: string[]
  password_hash: string
  station_counties: Record<string, string> | string
}

export async function findUser(db: Queryable, by: { id?: number; username?: string }): Promise<StoredUser | null> {
  const { rows } = await db.query<Row>(FIND_USER, [by.id ?? null, by.username ?? null])
  const r = rows[0]
  if (!r) return null
  const counties = typeof r.station_counties === 'string' ? JSON.parse(r.station_counties) : r.station_counties
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    scopeKind: r.scope_kind,
    scopeCodes: r.scope_codes,
    passwordHash: r.password_hash,
    stationCounties: new Map(Object.entries(counties)),
  }
}
