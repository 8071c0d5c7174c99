// A fresh database on the PostGIS server for one benchmark run, with its URL (a child process
// serves it too), dropped afterwards.
import pg from 'pg'
import type { Database } from '../db/database.ts'
import { openPgDatabase } from '../db/open-pg-database.ts'

const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function createBenchDatabase(): Promise<{ url: string; db: Database; dispose(): Promise<void> }> {
  const name = `wangge_bench_${process.pid}_${Date.now().toString(36)}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const db = await openPgDatabase(url.toString())
  return {
    url: url.toString(),
    db,
    async dispose() {
      await db.close()
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}
