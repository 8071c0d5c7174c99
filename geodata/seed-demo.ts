// The demo seed: Nantong's real outline, districts and town names, with synthetic villages, grids,
// stations, staff, incidents and patrol units (see README: "What is real and what is synthetic").
// One transaction: a failed seed leaves the database as it was. Stages, in order:
//   1. geography   real boundaries → towns → villages → basic and exclusive grids, stations
//   2. taxonomy    the 13 departments, the major and minor event classes
//   3. staff       grid heads, full- and part-time workers, village administrators, officers, terminals
//   4. accounts    the demo sign-in accounts (one shared password, hashed once)
//      api keys    a service account and an API key for the 12345 hotline (Open311) and the 110 feed
//   5. incidents   nine months of reports in every lifecycle state
//   6. units       patrol units and a day of positions
import type { Database, Queryable } from '../db/database.ts'
import { createUser } from '../accounts/create-user.ts'
import { hashPassword } from '../accounts/hash-password.ts'
import { demoApiKey, issueApiKey, KEY_ONLY_PASSWORD_HASH, type ApiClient } from '../accounts/api-keys.ts'
import { loadRows, loadSql } from './load-rows.ts'
import { synthesizeGeography } from './synthesize-geography.ts'
import { synthesizeStaff } from './synthesize-staff.ts'
import { synthesizeIncidents } from './synthesize-incidents.ts'
import { synthesizeUnits } from './synthesize-units.ts'
import { CATEGORIES, CATEGORY_CLASSES, DEPARTMENTS } from './taxonomy.ts'
import { demoAccounts } from './demo-accounts.ts'
import type { SeedOptions } from './synthetic-city.ts'

export const DEFAULT_SEED = 20_260_101 // the demo's PRNG seed
export const DEFAULT_DEMO_PASSWORD = 'wangge-demo'
const SEED_LOCK = 7_302_602 // advisory lock id of the demo seed

/** Another process seeded the database while this one was generating. */
export class SeededMeanwhile extends Error {
  constructor() {
    super('Another process seeded this database meanwhile.')
  }
}
const SERVICE_ACCOUNTS: { username: string; displayName: string; client: ApiClient }[] = [ // city-wide reporters by API key
  { username: 'hotline12345', displayName: '12345政务服务便民热线', client: 'hotline' },
  { username: 'feed110', displayName: '110接处警系统', client: '110' },
]

export interface SeedReporter {
  /** A stage with `total` units of work; tick as they are done. */
  stage(name: string, total: number): { tick(n?: number): void; done(): void }
}

export const SILENT: SeedReporter = { stage: () => ({ tick() {}, done() {} }) }

export interface SeedSummary {
  adminUnits: Record<string, number>
  basicGrids: number
  exclusiveGrids: number
  stations: number
  staff: number
  terminals: number
  accounts: number
  incidents: number
  units: number
  unitPositions: number
  seconds: number
}

/** True when the database holds no geography yet (a fresh install). */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_unit')
  return rows[0].n === 0
}

export async function seedDemo(
  db: Database,
  opts: SeedOptions & { demoPassword: string; apiKeys?: Partial<Record<ApiClient, string>> }, // keys default to demoApiKey()
  report: SeedReporter = SILENT,
): Promise<SeedSummary> {
  const started = performance.now()
  if (!(await isEmpty(db))) throw new Error('The database already holds data: seed an empty database (npm run seed -- --reset).')

  let s = report.stage('geography', 1)
  const geo = synthesizeGeography(opts)
  s.done()
  const basic = geo.grids.filter((g) => g.kind === 'basic')
  const accounts = demoAccounts(geo, geo.stations, DEPARTMENTS)
  const passwordHash = await hashPassword(opts.demoPassword)

  // Each stage generates its rows, then loads them: the bar shows where the time goes.
  const counts = await db.transaction(async (tx) => {
    // Several API copies may start on one empty database: one seeds, the others find it done.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK])
    if (!(await isEmpty(tx))) throw new SeededMeanwhile()
    await tx.exec(`SET LOCAL wangge.bulk_load = 'on'`) // no live-feed announcement per seeded incident
    const onBatch = (n: number) => s.tick(n)
    s = report.stage('boundaries', geo.adminUnits.length + geo.grids.length + geo.stations.length)
    // Parents before children: the foreign keys are checked row by row.
    for (const level of ['city', 'county', 'town', 'village'] as const) {
      await loadRows(tx, 'admin-units', geo.adminUnits.filter((u) => u.level === level), { onBatch })
    }
    await loadRows(tx, 'grids', geo.grids, { extra: [opts.now.toISOString()], batch: 1_000, onBatch })
    await loadRows(tx, 'stations', geo.stations, { onBatch })
    s.done()

    s = report.stage('taxonomy', DEPARTMENTS.length + CATEGORY_CLASSES.length + CATEGORIES.length)
    await loadRows(tx, 'departments', DEPARTMENTS, { onBatch })
    await loadRows(tx, 'category-classes', CATEGORY_CLASSES, { onBatch })
    await loadRows(tx, 'categories', CATEGORIES, { onBatch })
    s.done()

    const { staff, terminals } = synthesizeStaff(geo, geo.stations, opts)
    s = report.stage('staff', staff.length + terminals.length)
    await loadRows(tx, 'staff', staff.map((r, i) => ({ ...r, id: i + 1 })), { batch: 10_000, onBatch })
    await tx.query(loadSql('after-staff'))
    await loadRows(tx, 'terminals', terminals, { batch: 10_000, onBatch })
    s.done()

    s = report.stage('accounts', accounts.length)
    for (const a of accounts) {
      await createUser(tx, { ...a, passwordHash })
      s.tick()
    }
    s.done()

    s = report.stage('api keys', SERVICE_ACCOUNTS.length)
    for (const { client, ...a } of SERVICE_ACCOUNTS) {
      const userId = await createUser(tx, { ...a, role: 'city_center', scopeKind: 'all', passwordHash: KEY_ONLY_PASSWORD_HASH, demo: true })
      await issueApiKey(tx, { name: a.displayName, client, userId, key: opts.apiKeys?.[client] ?? demoApiKey(client, opts.demoPassword) })
      s.tick()
    }
    s.done()

    const incidents = synthesizeIncidents(geo, geo.stations, opts)
    s = report.stage('incidents', incidents.length)
    await loadRows(tx, 'incidents', incidents, { batch: 5_000, onBatch })
    await tx.query(loadSql('after-incidents'))
    s.done()

    const { units } = synthesizeUnits(geo, geo.stations, opts)
    const track = units.flatMap((u) => u.positions.map((p) => ({ ...p, unitCode: u.code })))
    s = report.stage('units', units.length + track.length)
    await loadRows(tx, 'units', units.map(({ positions: _, ...u }) => u), { onBatch })
    await loadRows(tx, 'unit-positions', track, { batch: 10_000, onBatch })
    s.done()
    return { staff: staff.length, terminals: terminals.length, incidents: incidents.length, units: units.length, unitPositions: track.length }
  })

  const levels: Record<string, number> = {}
  for (const u of geo.adminUnits) levels[u.level] = (levels[u.level] ?? 0) + 1
  return {
    adminUnits: levels,
    basicGrids: basic.length,
    exclusiveGrids: geo.grids.length - basic.length,
    stations: geo.stations.length,
    ...counts,
    accounts: accounts.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }
}
