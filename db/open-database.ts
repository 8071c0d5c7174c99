// Picks the engine: a PostgreSQL + PostGIS server when DATABASE_URL is set, else the embedded one
// keeping its data in DATA_DIR (default ./data). Both are migrated before they are returned.
import path from 'node:path'
import type { Database } from './database.ts'
import { openPgDatabase, type ErrorLogger } from './open-pg-database.ts'
import { openEmbeddedDatabase } from './open-embedded-database.ts'

export interface DatabaseConfig {
  databaseUrl?: string
  /** The role the server's connections take (production: wangge_app); migrations run as the login user. */
  databaseRole?: string
  /** The longest one statement may run on the server engine (the API's handle); unset: no limit. */
  statementTimeoutMs?: number
  /** Connections in the server engine's pool (DATABASE_POOL_MAX); unset: 10. */
  poolMax?: number
  dataDir: string
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseRole: env.DATABASE_ROLE || undefined,
    poolMax: wholeNumberSetting(env, 'DATABASE_POOL_MAX', 1, 1000, 'connections'),
    dataDir: path.resolve(env.DATA_DIR || 'data', 'pglite'),
  }
}

export function openDatabase(config: DatabaseConfig, log?: ErrorLogger): Promise<Database> {
  return config.databaseUrl
    ? openPgDatabase(config.databaseUrl, log, { role: config.databaseRole, statementTimeoutMs: config.statementTimeoutMs, poolMax: config.poolMax })
    : openEmbeddedDatabase(config.dataDir)
}

/** A numeric setting from the environment: undefined when unset, else a whole number in range or a sentence saying what to fix. */
export function wholeNumberSetting(env: NodeJS.ProcessEnv, name: string, min: number, max: number, unit: string): number | undefined {
  const text = env[name]
  if (!text) return undefined
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number of ${unit} from ${min} to ${max}, not "${text}".`)
  return n
}
