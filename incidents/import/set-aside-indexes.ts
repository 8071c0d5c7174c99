// An exclusive import's way to load a million rows: take the tables it writes for itself, drop
// their secondary indexes and foreign keys, and after the load make each again from the
// definition the catalogue gave (find-set-aside.sql). PostgreSQL then builds each index once from
// sorted rows instead of inserting a million keys one at a time, and checks each foreign key with
// one join instead of a look-up per row and key. All inside the import's transaction: DDL is
// transactional, so a failure anywhere, a foreign key the rows break included, rolls back to the
// tables as they were. The price is the lock: nobody reads or writes these tables until commit.
import type { Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'

const FIND = sqlFile(import.meta.url, 'find-set-aside.sql')
const MAINTENANCE_MEM = '512MB' // for this transaction's index builds: a million keys sort in memory

interface SetAside { kind: 'index' | 'foreign key'; table_name: string; name: string; definition: string }

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`

/** Locks `tables`, drops what slows a bulk load, and returns the step that makes it all again. */
export async function setAsideIndexes(tx: Queryable, tables: string[]): Promise<{ count: number; restore(): Promise<void> }> {
  await tx.query(`LOCK TABLE ${tables.map(ident).join(', ')} IN ACCESS EXCLUSIVE MODE`)
  const { rows } = await tx.query<SetAside>(FIND, [tables])
  const unchecked = rows.find((r) => r.kind === 'foreign key' && /\bNOT VALID\b/.test(r.definition))
  if (unchecked) {
    // Made again as it is, it would leave the imported rows unchecked: validate it first.
    throw new Error(`The foreign key ${unchecked.name} of ${unchecked.table_name} is NOT VALID: run ALTER TABLE ${unchecked.table_name} VALIDATE CONSTRAINT ${unchecked.name}, then import.`)
  }
  for (const r of rows) {
    await tx.query(r.kind === 'index' ? `DROP INDEX ${ident(r.name)}` : `ALTER TABLE ${ident(r.table_name)} DROP CONSTRAINT ${ident(r.name)}`)
  }
  return {
    count: rows.length,
    async restore() {
      await tx.query("SELECT set_config('maintenance_work_mem', $1, true)", [MAINTENANCE_MEM])
      for (const r of rows.filter((x) => x.kind === 'index')) await tx.query(r.definition)
      for (const r of rows.filter((x) => x.kind === 'foreign key')) {
        await tx.query(`ALTER TABLE ${ident(r.table_name)} ADD CONSTRAINT ${ident(r.name)} ${r.definition}`)
      }
    },
  }
}
