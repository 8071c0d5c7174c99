// `npm start`: reads the environment, opens (and migrates) the database, seeds the demo into an
// empty one, and serves the API, tiles, standard services and the web app on PORT.
//   DATABASE_URL   postgres://… for a PostgreSQL + PostGIS server; unset: embedded, in DATA_DIR
//   DATA_DIR       folder of the embedded database and uploads (default ./data)
//   PORT           default 8080
//   DEMO_PASSWORD  password of the demo accounts (default wangge-demo)
//   HOTLINE_API_KEY, FEED110_API_KEY  the demo's Open311 and 110 feed keys (default: derived from DEMO_PASSWORD)
//   SEED           "demo": seed an empty database (the default on the embedded engine only: a
//                  server database is never given the public demo accounts unless asked); "none"

//   SEED_SCALE     0.01…1 (default 1: the real city's counts)
//   JWT_SECRET     ≥ 32 characters; unset: a secret kept in the database
//   LOG_LEVEL      pino level (default info)
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import pino from 'pino'
import { createApp } from './app.ts'
import { databaseConfigFromEnv, openDatabase, wholeNumberSetting, type DatabaseConfig } from '../db/open-database.ts'
import { PostgisMissingError } from '../db/postgis-version.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { DEFAULT_DEMO_PASSWORD, DEFAULT_SEED, isEmpty, SeededMeanwhile, seedDemo } from '../geodata/seed-demo.ts'
import { terminalReporter } from '../geodata/terminal-reporter.ts'
import { demoApiKey, hashApiKey, KEY_ONLY_PASSWORD_HASH } from '../accounts/api-keys.ts'
import { startSupervisionScheduler } from '../incidents/supervision-scheduler.ts'

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist')
const env = process.env
const log = pino({ level: env.LOG_LEVEL || 'info' })
const port = Number(env.PORT || 8080)
const demoPassword = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD
const demoApiKeys = { hotline: env.HOTLINE_API_KEY || demoApiKey('hotline', demoPassword), '110': env.FEED110_API_KEY || demoApiKey('110', demoPassword) }

const STATEMENT_TIMEOUT_MS = 30_000 // the longest an API statement may run (a low-zoom tile takes < 1 s)
const MAX_STATEMENT_TIMEOUT_MS = 2_147_483_647 // PostgreSQL's own ceiling
let config: DatabaseConfig
try {
  const statementTimeoutMs = wholeNumberSetting(env, 'STATEMENT_TIMEOUT_MS', 0, MAX_STATEMENT_TIMEOUT_MS, 'milliseconds (0: no limit)') ?? STATEMENT_TIMEOUT_MS
  config = { ...databaseConfigFromEnv(env), statementTimeoutMs: statementTimeoutMs || undefined }
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
const db = await openDatabase(config, log).catch((err: Error) => {
  console.error(err instanceof PostgisMissingError ? err.message : `Cannot open the database: ${err.message}`)
  process.exit(1)
})
log.info({ kind: db.kind, postgis: db.postgisVersion, dataDir: db.kind === 'embedded' ? config.dataDir : undefined }, 'database ready')

const seed = env.SEED || (db.kind === 'embedded' ? 'demo' : 'none')
if (seed === 'demo' && db.kind === 'postgres' && !env.DEMO_PASSWORD) {
  log.warn('seeding demo accounts with the public default password on a server database: set DEMO_PASSWORD')
}
if (seed === 'demo' && (await isEmpty(db))) {
  console.error('Empty database: seeding the Nantong demo (once) …')
  // Seeding is maintenance (it sets sequences, its statements run long): on the server engine it runs
  // as the login user, without the API's statement limit.
  const seeder = db.kind === 'postgres' ? await openDatabase({ ...config, databaseRole: undefined, statementTimeoutMs: undefined }, log) : db
  try {
    const summary = await seedDemo(
      seeder,
      { seed: DEFAULT_SEED, scale: Number(env.SEED_SCALE || 1), now: new Date(), demoPassword, apiKeys: demoApiKeys },
      terminalReporter(),
    )
    log.info(summary, 'demo seeded')
  } catch (err) {
    if (!(err instanceof SeededMeanwhile)) throw err
    log.info('another copy seeded the demo meanwhile')
  } finally {
    if (seeder !== db) await seeder.close()
  }
}

const supervision = startSupervisionScheduler(db, log) // step deadlines and overdue escalation (督办), every minute
const tokens = createTokenService(await loadSigningSecret(db, env.JWT_SECRET))
const app = createApp({ db, tokens, log, webRoot: existsSync(WEB_ROOT) ? path.relative(process.cwd(), WEB_ROOT) : undefined })
const server = serve({ fetch: app.fetch, port }, async (info) => {
  const { rows } = await db.query<{ username: string; role: string }>(
    `SELECT username, role FROM app_user WHERE demo AND password_hash <> $1 ORDER BY array_position(ARRAY['admin','city_center','grid_office',
       'county_center','town_center','village_center','station','department','grid_worker'], role), username`,
    [KEY_ONLY_PASSWORD_HASH], // the API keys' service accounts cannot sign in
  )
  const firstOf = new Map<string, string>()
  for (const r of rows) if (!firstOf.has(r.role)) firstOf.set(r.role, r.username)
  console.log(`\nwangge is running at http://localhost:${info.port}/  (${db.kind} PostGIS ${db.postgisVersion})`)
  if (rows.length) {
    console.log(`Demo accounts (${rows.length}, password "${env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : demoPassword}"):`)
    for (const [role, username] of firstOf) console.log(`  ${role.padEnd(15)} ${username}`)
  }
  const keys = await db.query<{ client: 'hotline' | '110' }>('SELECT client FROM api_key WHERE active AND key_hash = ANY($1) ORDER BY client DESC',
    [Object.values(demoApiKeys).map(hashApiKey)]) // only keys this database really holds
  for (const { client } of keys.rows) {
    const given = client === 'hotline' ? env.HOTLINE_API_KEY : env.FEED110_API_KEY
    const shown = given ? '(from the environment)' : demoApiKeys[client] // a key the operator chose is not echoed
    console.log(client === 'hotline' ? `Open311 (12345 hotline) api_key: ${shown}` : `110 feed X-Api-Key: ${shown}`)
  }
})

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  server.close()
  await supervision.stop()
  await db.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
