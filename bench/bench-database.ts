// A fresh database on the PostGIS server for one benchmark run, with its URL (a child process
// serves it too), dropped afterwards.
import type { Database } from '../db/database.ts'
import { openPgDatabase } from '../db/open-pg-database.ts'
import { ADMIN_URL, adminQuery as admin } from '../db/test-database.ts'

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
