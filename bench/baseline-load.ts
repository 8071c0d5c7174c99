// The loader the bulk import is measured against: the same reading and checking, then, in one
// transaction, batches of 1,000 rows, each row assigned by its own assign_point() call, routed by
// routeIncident(), inserted by one INSERT per batch and given its audit row. The same rows end up
// in the same tables; only the way there differs.
import path from 'node:path'
import type { Database } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'
import type { SourceCrs } from '../geodata/to-wgs84.ts'
import type { Assignment } from '../incidents/assign-point.ts'
import { routeIncident } from '../incidents/route-incident.ts'
import { checkIncidentRecord, type StagedIncident } from '../incidents/import/check-incident-record.ts'
import { loadImportContext } from '../incidents/import/import-incidents.ts'
import { readSourceRecords } from '../incidents/import/read-source-records.ts'

const ASSIGN = sqlFile(import.meta.url, 'baseline-assign.sql')
const INSERT = sqlFile(import.meta.url, 'baseline-insert.sql')
const EVENTS = sqlFile(import.meta.url, 'baseline-events.sql')
const BATCH_ROWS = 1_000 // rows per INSERT, as the issue describes the baseline

type Row = StagedIncident & { line: number }
interface AssignedRow { n: number; grid_id: number | null; grid_code: string | null; method: Assignment['method']; village_code: string | null
  town_code: string | null; county_code: string | null; station_id: number | null; station_code: string | null; exclusive_grids: Assignment['exclusiveGrids'] }

/** Loads the file; resolves to the rows written and the seconds spent in the assign_point() queries. */
export async function baselineLoad(db: Database, file: string, crs: SourceCrs): Promise<{ rows: number; assignSeconds: number }> {
  const { ctx, categories, calendar } = await loadImportContext(db, crs, Date.now())
  const rows: Row[] = []
  for await (const record of readSourceRecords(file, (p) => { throw new Error(`line ${p.line}: ${p.field} ${p.reason}`) }, () => {})) {
    const r = checkIncidentRecord(record, ctx)
    if (Array.isArray(r)) throw new Error(`line ${r[0].line}: ${r[0].field} ${r[0].reason}`)
    rows.push({ ...r, line: record.line })
  }
  const name = path.basename(file)
  return db.transaction(async (tx) => {
    await tx.query("SELECT set_config('wangge.bulk_load', 'on', true)")
    let assignMs = 0
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      const batch = rows.slice(i, i + BATCH_ROWS)
      const t0 = performance.now()
      const assigned = (await tx.query<AssignedRow>(ASSIGN, [JSON.stringify(batch.map((r, n) => ({ n, lon: r.lon, lat: r.lat })))])).rows
      assignMs += performance.now() - t0
      const full = assigned.map((a) => {
        const r = batch[a.n]
        const assignment: Assignment = {
          method: a.method, exclusiveGrids: a.exclusive_grids, village: null, town: null,
          grid: a.grid_code === null ? null : { id: a.grid_id!, code: a.grid_code, name: '', version: 0 },
          station: a.station_code === null ? null : { id: a.station_id!, code: a.station_code, name: '' },
          county: a.county_code === null ? null : { code: a.county_code, name: '' },
        }
        const routing = routeIncident(categories.get(r.category)!, assignment, new Date(r.reportedAt), calendar)
        return { ...r, ...a, reported_at: r.reportedAt, closed_at: r.closedAt, raw_lon: r.rawLon, raw_lat: r.rawLat,
          exclusive_codes: a.exclusive_grids.map((g) => g.code), handling_level: routing.handlingLevel,
          department_code: routing.department.code, assignee_kind: routing.assignee?.kind ?? null,
          assignee: routing.assignee?.code ?? null, due_at: routing.dueAt }
      })
      await tx.query(INSERT, [JSON.stringify(full), crs, name])
      await tx.query(EVENTS, [JSON.stringify(batch.map((r) => ({ id: r.id, status: r.status, line: r.line }))), name])
    }
    return { rows: rows.length, assignSeconds: assignMs / 1000 }
  })
}
