// The one database handle every module receives. Two engines implement it: a PostgreSQL + PostGIS
// server through `pg` (open-pg-database.ts) and the embedded PGlite + PostGIS
// (open-embedded-database.ts). Code above this file never knows which one it talks to, except
// through `capabilities`, the single named place where the engines differ.

export interface QueryResult<T> {
  rows: T[]
  rowCount: number
}

export interface Queryable {
  /** One statement with `$n` parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>
  /** A script of several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>
  /** `COPY … FROM STDIN`: sends the text chunks (in the statement's format); resolves to the rows copied. */
  copyFrom(sql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number>
  /** `COPY … TO STDOUT`: the text the statement writes, in chunks; read it to the end. */
  copyTo(sql: string): AsyncIterable<string>
}

export interface EngineCapabilities {
  /** ST_AsMVT / ST_AsMVTGeom work (PGlite's PostGIS is built without protobuf). */
  mvt: boolean
  /** ST_CoverageUnion / ST_CoverageInvalidEdges exist (PostGIS ≥ 3.4). */
  coverage: boolean
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgres'
  readonly postgisVersion: string
  readonly capabilities: EngineCapabilities
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Calls `onMessage` with the payload of every NOTIFY on `channel` (sent at commit) until the
   * returned function is called. Server: one dedicated connection per handle, re-dialled when it
   * drops (notifications sent meanwhile are lost); embedded: PGlite's own listen.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** Engine-neutral value parsing: counts and numerics arrive as numbers on both engines. */
export function parseBigint(text: string): number | string {
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : text
}

export function parseNumeric(text: string): number {
  return Number(text)
}

export const OID_INT8 = 20 // bigint, count(*)
export const OID_NUMERIC = 1700 // numeric, sum(int)
