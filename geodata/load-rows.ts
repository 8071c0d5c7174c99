// Bulk loading: rows go to PostgreSQL as one JSON parameter per batch and are unpacked there with
// json_to_recordset, which is the fastest path that works the same on the server and embedded.
import type { Queryable } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'

const BATCH_ROWS = 2_000 // ~1-2 MB of JSON per statement for polygon rows

/** Loads `rows` with the statement in load/<name>.sql; extra parameters follow the JSON ($2, …). */
export async function loadRows(
  tx: Queryable,
  name: string,
  rows: readonly object[],
  opts: { extra?: unknown[]; batch?: number; onBatch?: (n: number) => void } = {},
): Promise<void> {
  const sql = loadSql(name)
  const size = opts.batch ?? BATCH_ROWS
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size)
    await tx.query(sql, [JSON.stringify(chunk), ...(opts.extra ?? [])])
    opts.onBatch?.(chunk.length)
  }
}

const cache = new Map<string, string>()
export function loadSql(name: string): string {
  let sql = cache.get(name)
  if (!sql) cache.set(name, (sql = sqlFile(import.meta.url, `load/${name}.sql`)))
  return sql
}
