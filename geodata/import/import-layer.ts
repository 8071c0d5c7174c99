// Imports one boundary file into one layer, all or nothing. Everything that can be checked in
// JavaScript is checked before the database sees a single row; the rest is checked in SQL inside
// the one transaction that also writes, and any problem (or a dry run) rolls it all back.
import type { Database, Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { SourceCrs } from '../to-wgs84.ts'
import type { ImportReport, Layer, Problem } from './import-report.ts'
import { readFeatures } from './read-features.ts'
import { resolveCrs } from './resolve-crs.ts'
import { checkGeometry } from './check-geometry.ts'
import { mapProperties, type ImportRow } from './map-properties.ts'
import { checkInDatabase } from './check-in-database.ts'
import { writeRows } from './write-rows.ts'

const STAGE_BATCH_ROWS = 2_000 // ~1-2 MB of JSON per statement for polygon rows

const CREATE_STAGING_SQL = sqlFile(import.meta.url, 'create-staging.sql')
const LOAD_STAGING_SQL = sqlFile(import.meta.url, 'load-staging.sql')

export interface ImportInput {
  path: string
  layer: Layer
  crs?: SourceCrs  // required unless the file carries a .prj
  dryRun: boolean  // check everything, report what would be written, write nothing
}

/** Thrown inside the transaction to roll it back once the report is complete. */
class Rollback extends Error {}

export async function importLayer(db: Database, input: ImportInput): Promise<ImportReport> {
  const { features, prj } = await readFeatures(input.path)
  const report: ImportReport = {
    layer: input.layer, crs: null, features: features.length, inserted: 0, updated: 0, problems: [], written: false,
  }

  // 1. The CRS, from --crs and the .prj; never guessed.
  const crs = resolveCrs(input.crs, prj)
  if ('error' in crs) return { ...report, problems: [{ kind: 'crs', reason: crs.error }] }
  report.crs = crs.crs
  if (crs.projection) report.projection = crs.projection

  // 2. Attributes → rows: required fields, code shapes, duplicates within the file.
  const mapped = mapProperties(features, input.layer)
  report.problems.push(...mapped.problems)

  // 3. Geometry → WGS-84, checked in JavaScript on the way.
  const staged: (ImportRow & { geom: object })[] = []
  features.forEach((f, feature) => {
    const checked = checkGeometry(f.geometry, crs.toWgs84)
    const code = mapped.codes[feature]
    report.problems.push(...checked.problems.map((p): Problem => ({ kind: 'invalid-geometry', feature, ...(code && { code }), ...p })))
    const row = mapped.rows[feature]
    if (row && checked.geometry) staged.push({ ...row, geom: checked.geometry })
  })
  report.problems.sort((a, b) => (a.feature ?? -1) - (b.feature ?? -1))
  if (report.problems.length > 0) return report

  // 4. One transaction: stage, check in SQL, write; roll back on any problem or a dry run.
  try {
    return await db.transaction(async (tx) => {
      await stageRows(tx, staged)
      report.problems.push(...(await checkInDatabase(tx, input.layer)))
      if (report.problems.length > 0) throw new Rollback()
      Object.assign(report, await writeRows(tx, input.layer))
      if (input.dryRun) throw new Rollback()
      report.written = true
      return report
    })
  } catch (err) {
    if (err instanceof Rollback) return report
    throw err
  }
}

async function stageRows(tx: Queryable, rows: object[]): Promise<void> {
  await tx.exec(CREATE_STAGING_SQL)
  for (let i = 0; i < rows.length; i += STAGE_BATCH_ROWS) {
    await tx.query(LOAD_STAGING_SQL, [JSON.stringify(rows.slice(i, i + STAGE_BATCH_ROWS))])
  }
}
