// Real databases for tests: a fresh database on the PostgreSQL server per call, or a copy of a
// migrated embedded data folder (PGlite's first start and CREATE EXTENSION postgis take ~20 s, so
// the template is made once per migration set by test-global-setup.ts and copied).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Database } from './database.ts'
import { openPgDatabase } from './open-pg-database.ts'
import { openEmbeddedDatabase } from './open-embedded-database.ts'
import { readMigrations } from '../migrations/migrate.ts'
import { createHash } from 'node:crypto'

export type EngineKind = 'postgres' | 'embedded'

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const QUIET = { error: () => {} } // tests that stop the server expect connection errors

/** The engines the suite runs on: both unless TEST_ENGINES narrows it (e.g. "embedded"). */
export const TEST_ENGINES: EngineKind[] = (process.env.TEST_ENGINES || 'postgres,embedded')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is EngineKind => s === 'postgres' || s === 'embedded')

export interface TestDatabase extends Database {
  /** Closes the handle and deletes the database or folder. */
  dispose(): Promise<void>
  /** A way to reopen the same data (restart tests). */
  reopen(): Promise<Database>
}

export function embeddedTemplateDir(): string {
  // Keyed by the migrations and the engine's packages: an upgrade must not reuse an old data folder.
  const engine = ['@electric-sql/pglite', '@electric-sql/pglite-postgis'].map(
    (p) => JSON.parse(readFileSync(path.resolve('node_modules', p, 'package.json'), 'utf8')).version as string,
  )
  const hash = createHash('sha256').update([...readMigrations().map((m) => m.checksum), ...engine].join()).digest('hex').slice(0, 12)
  return path.resolve('.test-data', `pglite-template-${hash}`)
}

export async function openTestDatabase(kind: EngineKind): Promise<TestDatabase> {
  return kind === 'postgres' ? openServerTestDatabase() : openEmbeddedTestDatabase()
}

async function openServerTestDatabase(): Promise<TestDatabase> {
  const name = `wangge_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const db = await openPgDatabase(url.toString(), QUIET)
  return {
    ...db,
    reopen: () => openPgDatabase(url.toString(), QUIET),
    async dispose() {
      await db.close()
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

async function openEmbeddedTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wangge-pglite-'))
  cpSync(embeddedTemplateDir(), dir, { recursive: true })
  const db = await openEmbeddedDatabase(dir)
  return {
    ...db,
    reopen: () => openEmbeddedDatabase(dir),
    async dispose() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One statement on the server's admin connection (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
