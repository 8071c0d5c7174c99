// Forward-only migrations: every `NNNN_name.sql` file in this folder, in order, each in its own
// transaction, recorded in `schema_migration` with a checksum so an edited, already-applied file
// is caught instead of silently skipped. An advisory lock lets several API copies start at once.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Queryable } from '../db/database.ts'

const MIGRATIONS_DIR = path.dirname(fileURLToPath(import.meta.url))
const FILE_PATTERN = /^(\d{4})_[a-z0-9_]+\.sql$/ // 0001_postgis.sql
const LOCK_KEY = 7_302_600 // advisory lock id shared by every wangge process

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
  const misnamed = files.filter((f) => !FILE_PATTERN.test(f))
  if (misnamed.length) throw new Error(`Migration files must be named NNNN_lower_case.sql: rename ${misnamed.join(', ')}.`)
  const versions = files.map((f) => f.slice(0, 4))
  const twice = versions.filter((v, i) => versions.indexOf(v) !== i)
  if (twice.length) throw new Error(`Two migration files share the number ${twice.join(', ')}: renumber one.`)
  return files
    .map((name) => {
      // Line endings do not change a migration: a CRLF checkout keeps the same checksum.
      const sql = readFileSync(path.join(dir, name), 'utf8').replace(/\r\n/g, '\n')
      const version = Number(FILE_PATTERN.exec(name)![1])
      return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

type Transaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>

/** Applies what is missing; returns the names applied now (empty when up to date). */
export async function migrate(transaction: Transaction, migrations = readMigrations()): Promise<string[]> {
  await transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  const applied: string[] = []
  for (const m of migrations) {
    const done = await transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
      const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migration WHERE version = $1', [m.version])
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied: add a new migration instead.`)
        }
        return false
      }
      await tx.exec(m.sql)
      await tx.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum])
      return true
    })
    if (done) applied.push(m.name)
  }
  return applied
}
