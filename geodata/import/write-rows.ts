// Writes the staged rows (import_row) to their table. Admin units and stations are updated in
// place by code; grids are versioned, so history can be read as of any date.
import type { Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { Layer } from './import-report.ts'

const WRITE_ADMIN_SQL = sqlFile(import.meta.url, 'write-admin-units.sql')
const WRITE_STATIONS_SQL = sqlFile(import.meta.url, 'write-stations.sql')
const CLOSE_GRIDS_SQL = sqlFile(import.meta.url, 'close-grid-versions.sql')
const INSERT_GRIDS_SQL = sqlFile(import.meta.url, 'insert-grid-versions.sql')

export interface WriteCounts {
  inserted: number // new codes
  updated: number  // existing codes: changed in place, or given a new version
}

export async function writeRows(tx: Queryable, layer: Layer): Promise<WriteCounts> {
  if (layer === 'admin' || layer === 'stations') {
    const written = await tx.query<{ inserted: boolean }>(layer === 'admin' ? WRITE_ADMIN_SQL : WRITE_STATIONS_SQL)
    const inserted = written.rows.filter((r) => r.inserted).length
    return { inserted, updated: written.rows.length - inserted }
  }
  const closed = await tx.query(CLOSE_GRIDS_SQL)
  const added = await tx.query(INSERT_GRIDS_SQL)
  return { inserted: added.rowCount - closed.rows.length, updated: closed.rows.length }
}
