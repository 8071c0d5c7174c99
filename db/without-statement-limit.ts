// Maintenance work the API process runs on purpose for long (walking every audit chain, a sweep
// that fills a backlog): one transaction with the handle's statement limit lifted for it alone
// (SET LOCAL), so the API's limit keeps guarding every other statement.
import type { Database, Queryable } from './database.ts'

export function withoutStatementLimit<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('statement_timeout', '0', true)")
    return fn(tx)
  })
}
