// `npm run import -- <file> --layer admin|grids|exclusive-grids|stations [--crs …] [--dry-run]`:
// checks a boundary file and imports it in one transaction, or prints why not. Exits 0 when the
// file was clean, 1 when it had problems or could not be read, 2 on bad arguments.
import { databaseConfigFromEnv, openDatabase } from '../db/open-database.ts'
import { IMPORT_USAGE, parseImportArgs, type ImportArgs } from './import/parse-import-args.ts'
import { importLayer } from './import/import-layer.ts'
import { formatReport } from './import/format-report.ts'

let args: ImportArgs
try {
  args = parseImportArgs(process.argv.slice(2))
} catch (err) {
  console.error(`${(err as Error).message}\n${IMPORT_USAGE}`)
  process.exit(2)
}

const db = await openDatabase(databaseConfigFromEnv())
try {
  const report = await importLayer(db, args)
  console.log(formatReport(report, args.dryRun))
  process.exitCode = report.problems.length > 0 ? 1 : 0
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
