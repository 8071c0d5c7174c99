// API keys for systems that report without a person signing in: the 12345 hotline (Open311) and the
// 110 feed. A key acts as its service account (an app_user), so the intake applies that account's
// role and jurisdiction as it would a person's. Only the SHA-256 of a key is stored: a copy of the
// database opens nothing, and a lost key is replaced, never recovered.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { findUser } from './find-user.ts'
import { jurisdictionOf, type Jurisdiction } from './jurisdiction.ts'
import type { AuthUser } from './roles.ts'

export const API_CLIENTS = ['hotline', '110'] as const // the endpoint a key opens: Open311 or the 110 feed
export type ApiClient = (typeof API_CLIENTS)[number]

const FIND_API_KEY = sqlFile(import.meta.url, 'find-api-key.sql')
const KEY_PREFIX = 'wg_' // makes a leaked key recognisable to secret scanners and in config files
const KEY_BYTES = 32 // 256 random bits
const KEY_SHAPE = /^[\x21-\x7e]{16,256}$/ // printable ASCII without spaces; anything else is refused unlooked-up
const DEMO_KEY_LABEL = 'wangge demo api key' // HMAC message prefix of the demo keys
/** Password hash of a service account: not a scrypt hash, so every password is refused and only its keys open it. */
export const KEY_ONLY_PASSWORD_HASH = '!api-key-only'

export interface ApiKey {
  id: number
  name: string
  client: ApiClient
  /** The service account the key acts as, and its jurisdiction, ready for createIncident(). */
  user: AuthUser
  jurisdiction: Jurisdiction
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex')

/**
 * Stores a key for `userId` and returns its text, the only time it is seen. Without `key`, a random
 * one (`wg_` + 32 bytes base64url); with it (a configured or demo key), that one.
 */
export async function issueApiKey(
  db: Queryable,
  k: { name: string; client: ApiClient; userId: number; key?: string },
): Promise<string> {
  const key = k.key ?? KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url')
  if (!KEY_SHAPE.test(key)) throw new Error(`The API key for ${k.name} must be 16 to 256 printable ASCII characters without spaces.`)
  await db.query('INSERT INTO api_key (name, client, key_hash, user_id) VALUES ($1, $2, $3, $4)', [
    k.name, k.client, hashApiKey(key), k.userId,
  ])
  return key
}

/** The active key with this text and its active service account, or null. */
export async function findApiKey(db: Queryable, key: string): Promise<ApiKey | null> {
  if (!KEY_SHAPE.test(key)) return null
  const { rows } = await db.query<{ id: number; name: string; client: ApiClient; user_id: number }>(FIND_API_KEY, [hashApiKey(key)])
  const row = rows[0]
  if (!row) return null
  const stored = await findUser(db, { id: Number(row.user_id) })
  if (!stored) return null // the account was deactivated: so are its keys
  const { passwordHash: _, stationCounties, ...user } = stored
  return { id: Number(row.id), name: row.name, client: row.client, user, jurisdiction: jurisdictionOf(user, stationCounties) }
}

/** The demo's key for a client when none is configured: derived from the demo password, so every start prints the same one. */
export function demoApiKey(client: ApiClient, demoPassword: string): string {
  return KEY_PREFIX + createHmac('sha256', demoPassword).update(`${DEMO_KEY_LABEL}: ${client}`).digest('base64url')
}
