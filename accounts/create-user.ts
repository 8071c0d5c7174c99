// Creates a sign-in account. The role decides which kind of jurisdiction it must carry.
import type { Queryable } from '../db/database.ts'
import { hashPassword } from './hash-password.ts'
import type { Role, ScopeKind } from './roles.ts'

export interface NewUser {
  username: string
  displayName: string
  role: Role
  scopeKind: ScopeKind
  scopeCodes?: string[]
  password?: string // hashed here
  passwordHash?: string // already hashed (the demo seed hashes its shared password once)
  demo?: boolean
}

const SCOPE_FOR_ROLE: Record<Role, ScopeKind[]> = {
  admin: ['all'],
  city_center: ['all', 'admin_unit'],
  county_center: ['admin_unit'],
  town_center: ['admin_unit'],
  village_center: ['admin_unit'],
  department: ['department'],
  station: ['station'],
  grid_office: ['all', 'admin_unit'],
  grid_worker: ['grids'],
}

export async function createUser(db: Queryable, u: NewUser): Promise<number> {
  if (!SCOPE_FOR_ROLE[u.role].includes(u.scopeKind)) {
    throw new Error(`A ${u.role} user needs a ${SCOPE_FOR_ROLE[u.role].join(' or ')} jurisdiction, not ${u.scopeKind}.`)
  }
  const hash = u.passwordHash ?? (u.password !== undefined ? await hashPassword(u.password) : undefined)
  if (!hash) throw new Error(`User ${u.username} needs a password.`)
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, scope_kind, scope_codes, demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [u.username, u.displayName, hash, u.role, u.scopeKind, u.scopeCodes ?? [], u.demo ?? false],
  )
  return rows[0].id
}
