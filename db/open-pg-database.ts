// Server engine: a pg.Pool from DATABASE_URL. A PostgreSQL restart must not take the process down,
// so the pool and every client it hands out get an error handler; queries then fail and recover
// as connections are re-established.
import { createHash } from 'node:crypto'
import pg from 'pg'
import type { Database, Queryable, QueryResult } from './database.ts'
import { OID_INT8, OID_NUMERIC, parseBigint, parseNumeric } from './database.ts'
import { checkPostgisAvailable, readPostgisVersion, compareVersions } from './postgis-version.ts'
import { migrate } from '../migrations/migrate.ts'
import { createPgListener } from './pg-listener.ts'
import { pgCopy } from './pg-copy.ts'

const POOL_MAX = 10 // default connections per API process; replicas multiply this
const IDLE_TIMEOUT_MS = 30_000 // close idle connections so a restarted server is re-dialled cleanly
const CONNECT_TIMEOUT_MS = 10_000 // a request waits this long for a connection, then gets a 503
const IDLE_IN_TRANSACTION_MS = 300_000 // a transaction left open by a stuck client frees its locks
const MAX_PREPARED = 500 // distinct statement texts kept as prepared statements per handle

export interface ErrorLogger {
  error(obj: object, msg: string): void
}

const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_INT8) return parseBigint
    if (oid === OID_NUMERIC) return parseNumeric
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

export interface PgOptions {
  /**
   * A role every connection of the handle takes after the migrations have run (SET ROLE at
   * connection start): `wangge_app` (migrations/0008) may do all the API does but cannot UPDATE,
   * DELETE or TRUNCATE the audit trail. The login user must be a member of it.
   */
  role?: string
  /**
   * Cancels any one statement that runs longer (PostgreSQL's statement_timeout), so a runaway
   * query cannot hold a connection, and the locks it took, for ever: the API's handle sets it; the
   * seed, the importers and the migrations, which run long statements on purpose, do not.
   */
  statementTimeoutMs?: number
  /** Connections in the pool (default 10). Fewer than PostgreSQL's cores × 2 rarely pays. */
  poolMax?: number
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/

export async function openPgDatabase(url: string, log: ErrorLogger = consoleLogger, opts: PgOptions = {}): Promise<Database> {
  if (opts.role !== undefined && !ROLE_NAME.test(opts.role)) {
    throw new Error(`DATABASE_ROLE must be a plain role name such as wangge_app, not "${opts.role}".`)
  }
  const poolConfig: pg.PoolConfig = {
    connectionString: url,
    max: opts.poolMax ?? POOL_MAX,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    statement_timeout: opts.statementTimeoutMs,
    types: TYPES,
  }
  // The migrations need the login user's own rights and no statement limit: with either option
  // they run on a handle of their own first.
  const migratesItself = !opts.role && !opts.statementTimeoutMs
  if (!migratesItself) await (await openPgDatabase(url, log)).close()
  const pool = new pg.Pool(opts.role ? { ...poolConfig, options: `-c role=${opts.role}` } : poolConfig)
  pool.on('error', (err) => log.error({ err: err.message }, 'idle PostgreSQL connection failed'))
  pool.on('connect', (client) => {
    client.on('error', (err) => log.error({ err: err.message }, 'PostgreSQL connection failed'))
  })

  const statementName = preparedNames()
  const queryable = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const name = params ? statementName(sql) : undefined
      const r = await runner.query(name ? { name, text: sql, values: params } : { text: sql, values: params })
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 }
    },
    async exec(sql: string) {
      await runner.query(sql)
    },
    ...pgCopy(runner),
  })
  const base = queryable(pool)

  try {
    await checkPostgisAvailable(base)
    if (migratesItself) await migrate((fn) => transaction(fn))
  } catch (err) {
    await pool.end()
    throw err
  }
  const postgisVersion = await readPostgisVersion(base)
  const listener = createPgListener(url, log) // dials only on the first listen()

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const result = await fn(queryable(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      try {
        await client.query('ROLLBACK')
      } catch (rollbackErr) {
        broken = rollbackErr as Error // the connection is gone: do not return it to the pool
      }
      throw err
    } finally {
      client.release(broken)
    }
  }

  return {
    kind: 'postgres',
    postgisVersion,
    capabilities: { mvt: true, coverage: compareVersions(postgisVersion, [3, 4]) >= 0 },
    ...base,
    transaction,
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
    close: once(async () => {
      await listener.close()
      await pool.end()
    }),
  }
}

/**
 * Parameterised statements run as named prepared statements, so each connection plans a statement
 * once (PostgreSQL then keeps a generic plan) instead of on every call: planning the intake's
 * joins cost more than running them. The name is a hash of the text; texts beyond MAX_PREPARED
 * (say, generated with a varying number of placeholders) run unnamed, so a connection's cache
 * stays bounded. A statement whose best plan depends on its values (a period, an OFFSET) says so
 * with a line `-- plan per call` and runs unnamed: PostgreSQL plans it with the values each time,
 * where a generic plan, chosen after five calls on a connection, can be ten times slower.
 */
export const PLAN_PER_CALL = /^-- plan per call\b/m

function preparedNames(): (sql: string) => string | undefined {
  const names = new Map<string, string>()
  return (sql) => {
    if (PLAN_PER_CALL.test(sql)) return undefined
    let name = names.get(sql)
    if (!name && names.size < MAX_PREPARED) {
      name = 's' + createHash('sha1').update(sql).digest('hex').slice(0, 20)
      names.set(sql, name)
    }
    return name
  }
}

/** close() may be called more than once (shutdown paths overlap); the engine is closed once. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  return () => (done ??= fn())
}

const consoleLogger: ErrorLogger = { error: (obj, msg) => console.error(msg, obj) }
