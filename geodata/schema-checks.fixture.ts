// Test fixture: the value lists of the schema's `CHECK (column IN (...))` constraints, read from
// the migration itself so the seed tests follow the schema instead of a copy of it.
import { readFileSync } from 'node:fs'

const SCHEMA_FILE = new URL('../migrations/0002_core_schema.sql', import.meta.url)  // the tables the seeds fill

/** The literal values `table.column` may take under its IN-list CHECK constraint. */
export function allowedValues(table: string, column: string): string[] {
  const sql = readFileSync(SCHEMA_FILE, 'utf8')
  const start = sql.indexOf(`CREATE TABLE ${table} (`)
  if (start < 0) throw new Error(`No CREATE TABLE ${table} in ${SCHEMA_FILE.pathname}.`)
  const body = sql.slice(start, sql.indexOf('\n);', start))
  const m = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)`).exec(body)
  if (!m) throw new Error(`No IN-list CHECK on ${table}.${column}.`)
  return [...m[1].matchAll(/'([^']*)'/g)].map(x => x[1])
}
