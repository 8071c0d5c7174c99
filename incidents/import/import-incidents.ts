// Bulk import of historical incidents from a CSV or GeoJSON file, in one transaction:
//   1. read     each record checked in JavaScript (check-incident-record.ts) and sent by COPY to
//               import_staging; a file with any bad row stops here and writes nothing
//   2. skip     rows whose id exists already, so an import can be run again
//   3. assign   every point, set-based, with the answers of assign_point() (assign-staged.sql)
//   4. route    every row by routeIncident(), the intake's own rule (route-staged.ts)
//   5. write    the incidents and their 'import' audit rows (write-incidents.sql, record-import-events.sql)
import path from 'node:path'
import { existsSync, statSync } from 'node:fs'
import type { Database, Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { SourceCrs } from '../../geodata/to-wgs84.ts'
import { SILENT, type SeedReporter } from '../../geodata/seed-demo.ts'
import { categoryForRouting, type CategoryForRouting, type CategoryRoutingRow } from '../route-incident.ts'
import { checkIncidentRecord, type CheckContext, type RecordProblem, type StagedIncident } from './check-incident-record.ts'
import { formatOf, readSourceRecords, type SourceFormat } from './read-source-records.ts'
import { routeStaged } from './route-staged.ts'
import { loadWorkingCalendar } from '../working-calendar.ts'
import { setAsideIndexes } from './set-aside-indexes.ts'

const SQL = {
  context: sqlFile(import.meta.url, 'find-import-context.sql'),
  staging: sqlFile(import.meta.url, 'create-import-staging.sql'),
  copy: sqlFile(import.meta.url, 'copy-staging.sql'),
  skip: sqlFile(import.meta.url, 'skip-existing.sql'),
  assign: sqlFile(import.meta.url, 'assign-staged.sql'),
  write: sqlFile(import.meta.url, 'write-incidents.sql'),
  events: sqlFile(import.meta.url, 'record-import-events.sql'),
}
const WRITTEN_TABLES = ['incident', 'incident_event'] // an exclusive import locks these and sets their indexes aside
const MAX_LISTED_PROBLEMS = 1_000 // a wholly wrong file lists this many and counts the rest
const ROWS_PER_CHUNK = 5_000 // staging rows per COPY write
const WORK_MEM = '256MB' // for this transaction: the joins and sorts of a million rows stay in memory

export interface IncidentImportReport {
  file: string
  format: SourceFormat
  crs: SourceCrs
  rows: number // records read
  inserted: number
  skipped: number // ids that exist already
  problems: RecordProblem[] // the first MAX_LISTED_PROBLEMS, in file order
  problemCount: number
  written: boolean
}

class Rejected extends Error {} // rolls the transaction back when the file had problems

export async function importIncidents(db: Database, opts: { file: string; crs: SourceCrs; exclusive?: boolean; now?: Date }, report: SeedReporter = SILENT): Promise<IncidentImportReport> {
  const result: IncidentImportReport = { file: opts.file, format: formatOf(opts.file), crs: opts.crs, rows: 0, inserted: 0, skipped: 0, problems: [], problemCount: 0, written: false }
  const fail = (p: RecordProblem) => {
    if (result.problemCount++ < MAX_LISTED_PROBLEMS) result.problems.push(p)
  }
  if (!existsSync(opts.file)) throw new Error(`There is no file ${opts.file}.`)
  const { ctx, categories, calendar } = await loadImportContext(db, opts.crs, (opts.now ?? new Date()).getTime())
  try {
    await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('wangge.bulk_load', 'on', true)") // no live announcement per historical row
      await tx.query("SELECT set_config('work_mem', $1, true)", [WORK_MEM])
      await tx.exec(SQL.staging)
      let s = report.stage('read', statSync(opts.file).size)
      const staged = await tx.copyFrom(SQL.copy, stagingRows(readSourceRecords(opts.file, fail, (n) => s.tick(n)), ctx, fail, result))
      s.done()
      if (result.problemCount > 0) throw new Rejected()
      await tx.exec('ANALYZE import_staging') // temporary tables get no statistics otherwise

      s = report.stage('skip', 1)
      result.skipped = (await tx.query(SQL.skip)).rowCount
      s.done()
      s = report.stage('assign', 1)
      await tx.exec(SQL.assign)
      s.done()
      s = report.stage('route', staged - result.skipped)
      await routeStaged(tx, categories, calendar, (n) => s.tick(n))
      s.done()
      const aside = opts.exclusive ? await setAsideIndexes(tx, WRITTEN_TABLES) : null
      s = report.stage('write', 2)
      result.inserted = (await tx.query(SQL.write, [opts.crs, path.basename(opts.file)])).rowCount
      s.tick()
      await tx.query(SQL.events, [path.basename(opts.file)])
      s.done()
      if (aside) {
        s = report.stage('index', aside.count)
        await aside.restore()
        s.done()
      }
    })
    result.written = true
  } catch (err) {
    if (!(err instanceof Rejected)) throw err
  }
  return result
}

/** CSV text for import_staging: the good records, until the first problem (then nothing is written). */
async function* stagingRows(records: AsyncIterable<{ line: number; values: Record<string, unknown> }>, ctx: CheckContext,
  fail: (p: RecordProblem) => void, result: IncidentImportReport): AsyncGenerator<string> {
  const firstLine = new Map<string, number>() // id → the line that used it first
  let rows: string[] = []
  for await (const record of records) {
    result.rows++
    const r = checkIncidentRecord(record, ctx)
    if (Array.isArray(r)) {
      r.forEach(fail)
      continue
    }
    const seen = firstLine.get(r.id)
    if (seen !== undefined) {
      fail({ line: record.line, field: 'id', reason: `repeats the id ${r.id} of line ${seen}` })
      continue
    }
    firstLine.set(r.id, record.line)
    if (result.problemCount > 0) continue
    rows.push(stagingLine(result.rows, record.line, r))
    if (rows.length === ROWS_PER_CHUNK) {
      yield rows.join('')
      rows = []
    }
  }
  if (rows.length > 0 && result.problemCount === 0) yield rows.join('')
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"` // CSV: quoted is text, empty is NULL

function stagingLine(n: number, line: number, r: StagedIncident): string {
  return `${n},${line},${r.id},${quote(r.category)},${quote(r.description)},${r.address === null ? '' : quote(r.address)},` +
    `${r.source},${r.status},${r.reportedAt},${r.closedAt ?? ''},${r.rawLon},${r.rawLat},${r.lon},${r.lat}\n`
}

interface ContextRow extends CategoryRoutingRow {
  x0: number | null
  y0: number
  x1: number
  y1: number
}

export async function loadImportContext(db: Queryable, crs: SourceCrs, now: number) {
  const { rows } = await db.query<ContextRow>(SQL.context)
  const categories = new Map<string, CategoryForRouting>(rows.map((c) => [c.code, categoryForRouting(c)]))
  const b = rows[0]
  const bounds = b && b.x0 !== null ? { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 } : null
  const ctx: CheckContext = { crs, categories: new Set(categories.keys()), bounds, now }
  return { ctx, categories, calendar: await loadWorkingCalendar(db) }
}
