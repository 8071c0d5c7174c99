// `npm run seed [-- --scale 0.1 --seed 42 --reset]`: fills an empty database with the demo.
import { databaseConfigFromEnv, openDatabase } from '../db/open-database.ts'
import { sqlFile } from '../db/sql-file.ts'
import { DEFAULT_DEMO_PASSWORD, isEmpty, seedDemo } from './seed-demo.ts'
import { parseSeedArgs } from './seed-args.ts'
import { terminalReporter } from './terminal-reporter.ts'

const args = parseSeedArgs(process.argv.slice(2))
const config = databaseConfigFromEnv()
let db = await openDatabase(config)
if (args.reset && !(await isEmpty(db))) {
  await db.exec(sqlFile(import.meta.url, 'reset-database.sql'))
  await db.close()
  db = await openDatabase(config) // migrations run again on the empty schema
}
try {
  const summary = await seedDemo(
    db,
    { seed: args.seed, scale: args.scale, now: new Date(), demoPassword: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD },
    terminalReporter(),
  )
  console.log(JSON.stringify(summary, null, 2))
} finally {
  await db.close()
}
