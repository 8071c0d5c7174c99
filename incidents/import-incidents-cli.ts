// `npm run import:incidents -- <file.csv|file.geojson> --crs WGS84|GCJ02|BD09|CGCS2000`: imports
// historical incidents in one transaction, or prints the bad rows and writes nothing. Exits 0 when
// the file was clean, 1 when it had problems or could not be read, 2 on bad arguments.
import { databaseConfigFromEnv, openDatabase } from '../db/open-database.ts'
import { terminalReporter } from '../geodata/terminal-reporter.ts'
import { importIncidents } from './import/import-incidents.ts'
import { formatIncidentImportReport } from './import/format-incident-import-report.ts'
import { INCIDENT_IMPORT_USAGE, parseIncidentImportArgs } from './import/parse-incident-import-args.ts'

let args: ReturnType<typeof parseIncidentImportArgs>
try {
  args = parseIncidentImportArgs(process.argv.slice(2))
} catch (err) {
  console.error(`${(err as Error).message}\n${INCIDENT_IMPORT_USAGE}`)
  process.exit(2)
}

// An exclusive import drops and makes indexes and keys, which only the tables' owner may: it runs as
// the login user, like the migrations and the seed, not as DATABASE_ROLE.
const config = databaseConfigFromEnv()
const db = await openDatabase(args.exclusive ? { ...config, databaseRole: undefined } : config)
try {
  const report = await importIncidents(db, args, terminalReporter(process.stderr, 'import'))
  console.log(formatIncidentImportReport(report))
  process.exitCode = report.written ? 0 : 1
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await db.close()
}
