// Embedded engine: PGlite (PostgreSQL compiled to WebAssembly) with its PostGIS extension, data
// kept in a local folder. PGlite runs one statement at a time and queues the rest, and a
// transaction holds the queue until it ends, so calls are serialized by the engine itself.
// Its PostGIS has no protobuf (no ST_AsMVT) and a GEOS exception can hang it: geometry is
// validated in JavaScript before it is sent here.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import type { Database, Queryable, QueryResult } from './database.ts'
import { OID_INT8, OID_NUMERIC, parseBigint, parseNumeric } from './database.ts'
import { readPostgisVersion } from './postgis-version.ts'
import { migrate } from '../migrations/migrate.ts'
import { once } from './open-pg-database.ts'
import { pgliteCopy } from './pglite-copy.ts'

export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true })
  const pg = await PGlite.create({
    dataDir,
    extensions: { postgis },
    parsers: { [OID_INT8]: parseBigint, [OID_NUMERIC]: parseNumeric },
  })

  const queryable = (runner: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await runner.query<T>(sql, params)
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length } // affectedRows is 0 for SELECT
    },
    async exec(sql: string) {
      await runner.exec(sql)
    },
    ...pgliteCopy(runner),
  })
  const base = queryable(pg)
  const transaction = <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    pg.transaction((tx) => fn(queryable(tx)))

  try {
    await migrate(transaction)
  } catch (err) {
    await pg.close()
    throw err
  }
  const postgisVersion = await readPostgisVersion(base)

  return {
    kind: 'embedded',
    postgisVersion,
    capabilities: { mvt: false, coverage: true },
    ...base,
    transaction,
    listen: (channel, onMessage) => pg.listen(channel, onMessage),
    close: once(() => pg.close()),
  }
}
