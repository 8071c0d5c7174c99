// Intake on the PostGIS server, seeded with the demo city, as ratios to baselines of the same run:
//   (a) POST /api/incidents through the real HTTP server (a child process) against createIncident()
//       called in this process, which runs the very same SQL without HTTP, sign-in or validation,
//       both driven open-loop at the same rate;
//   (b) the bulk import of a million generated incidents against a loader that inserts batches of
//       1,000 rows with one assign_point() call per row (measured on a smaller file), in rows/s.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Database } from '../db/database.ts'
import { DEFAULT_SEED, seedDemo } from '../geodata/seed-demo.ts'
import { seededRandom } from '../geodata/seeded-random.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import type { AuthUser } from '../accounts/roles.ts'
import { createIncident, type IncidentReport } from '../incidents/create-incident.ts'
import { importIncidents } from '../incidents/import/import-incidents.ts'
import { createBenchDatabase } from './bench-database.ts'
import { loadPlaces, randomReport, writeIncidentCsv, type Places } from './bench-places.ts'
import { driveOpenLoop, summarize } from './drive-open-loop.ts'
import { postJson } from './post-json.ts'
import { baselineLoad } from './baseline-load.ts'

const SCALE = Number(process.env.BENCH_SCALE || 1) // the seeded city: 1 = Nantong's real counts
const RATES = [300, 50] // requests per second: the issue's, and one this shared 2-core machine sustains
const SECONDS = 10 // of load per side
const WARMUP_SECONDS = 2 // at the same rate, before each measured run (JIT, pools)
const BULK_ROWS = Number(process.env.BENCH_BULK_ROWS || 1_000_000)
const BASELINE_ROWS = Number(process.env.BENCH_BASELINE_ROWS || 50_000)
const GOALS = { latencyRatio: 2, p99Ms: 20, rowsPerSecond: 100_000, bulkOverBaseline: 10 } // from the issue
const PASSWORD = 'bench' // of the seeded demo accounts
const PARTS = (process.env.BENCH_INTAKE || 'latency,bulk').split(',') // which halves to run

export async function intakeBench(): Promise<void> {
  const bench = await createBenchDatabase()
  const dir = mkdtempSync(path.join(tmpdir(), 'wangge-intake-bench-'))
  try {
    await seedDemo(bench.db, { seed: DEFAULT_SEED, scale: SCALE, now: new Date(), demoPassword: PASSWORD })
    // A settled database, as a city's would be: the seed's tables vacuumed and analysed (else
    // autovacuum works through them during the first runs) and its WAL checkpointed.
    await bench.db.exec('VACUUM ANALYZE')
    await bench.db.exec('CHECKPOINT')
    const places = await loadPlaces(bench.db)
    if (PARTS.includes('latency')) await latency(bench.db, bench.url, places)
    if (PARTS.includes('bulk')) await bulk(bench.db, dir, places)
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await bench.dispose()
  }
}

async function latency(db: Database, url: string, places: Places): Promise<void> {
  const r = seededRandom(DEFAULT_SEED)
  const report = (): IncidentReport => {
    const x = randomReport(places, r, Date.now())
    return { id: randomUUID(), category: x.category, description: '基准测试', location: { type: 'Point', coordinates: [x.lon, x.lat] },
      crs: 'WGS84', reportedAt: x.reportedAt, source: 'terminal' }
  }
  const { rows } = await db.query<{ id: number; username: string; display_name: string; role: AuthUser['role']; scope_kind: AuthUser['scopeKind']; scope_codes: string[] }>(
    "SELECT id, username, display_name, role, scope_kind, scope_codes FROM app_user WHERE username = 'admin'")
  const user: AuthUser = { id: rows[0].id, username: rows[0].username, displayName: rows[0].display_name, role: rows[0].role, scopeKind: rows[0].scope_kind, scopeCodes: rows[0].scope_codes }
  const direct = async () => {
    const res = await createIncident(db, report(), { user, jurisdiction: jurisdictionOf(user) })
    if (res.outcome !== 'created') throw new Error(res.outcome)
  }

  const { base, child } = await startServer(url)
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) })
    const { token } = (await login.json()) as { token: string }
    const viaHttp = async () => {
      const status = await postJson(`${base}/api/incidents`, { authorization: `Bearer ${token}` }, JSON.stringify(report()))
      if (status !== 201) throw new Error(String(status))
    }
    for (const rate of RATES) {
      const run = async (send: () => Promise<void>) => {
        // Fresh statistics and a checkpoint before each side (as pgbench does): otherwise the rows
        // the previous run added set off autoanalyze, or the seed's WAL a checkpoint, in the middle
        // of this one, on one side only.
        await db.exec('VACUUM ANALYZE incident, incident_event')
        await db.exec('CHECKPOINT')
        await driveOpenLoop(rate, WARMUP_SECONDS, send)
        return driveOpenLoop(rate, SECONDS, send)
      }
      const d = await run(direct)
      const h = await run(viaHttp)
      const [ds, hs] = [summarize(d.latenciesMs), summarize(h.latenciesMs)]
      const line = (name: string, s: { mean: number; p99: number }, load: typeof d) =>
        console.log(`${name.padEnd(34)} mean ${s.mean.toFixed(1).padStart(7)} ms   p99 ${s.p99.toFixed(1).padStart(7)} ms   ` +
          `${(load.latenciesMs.length / load.seconds).toFixed(0)} done/s   ${load.failed} failed`)
      console.log(`\nintake, ${rate} requests/s open-loop for ${SECONDS} s, scale ${SCALE} (baseline: createIncident() in-process, the same SQL without HTTP)`)
      line('baseline: createIncident() direct', ds, d)
      line('POST /api/incidents over HTTP', hs, h)
      console.log(`ratio HTTP / direct: mean ${(hs.mean / ds.mean).toFixed(2)}×, p99 ${(hs.p99 / ds.p99).toFixed(2)}× ` +
        `(goal ≤ ${GOALS.latencyRatio}×: ${hs.mean / ds.mean <= GOALS.latencyRatio ? 'ok' : 'MISSED'}); ` +
        `HTTP p99 ${(hs.p99 / GOALS.p99Ms).toFixed(2)} of the ${GOALS.p99Ms} ms goal ${hs.p99 <= GOALS.p99Ms ? 'ok' : 'MISSED'}`)
    }
  } finally {
    child.kill('SIGTERM')
  }
}

async function bulk(db: Database, dir: string, places: Places): Promise<void> {
  const baselineFile = path.join(dir, 'baseline.csv')
  writeIncidentCsv(baselineFile, BASELINE_ROWS, places, 1)
  const t0 = performance.now()
  const baseline = await baselineLoad(db, baselineFile, 'WGS84')
  const baselineRate = baseline.rows / ((performance.now() - t0) / 1000)
  console.log(`\nbulk import, file to commit (baseline: ${BASELINE_ROWS.toLocaleString('en')} rows in 1,000-row INSERTs with assign_point() per row)`)
  console.log(`baseline loader                              ${baselineRate.toFixed(0).padStart(8)} rows/s`)

  // Each mode loads a file of its own (the ids are derived from the rows: one file twice would skip).
  for (const [mode, exclusive, seed] of [['live', false, 2], ['exclusive', true, 3]] as const) {
    const file = path.join(dir, `bulk-${mode}.csv`)
    writeIncidentCsv(file, BULK_ROWS, places, seed)
    await db.exec('CHECKPOINT') // each mode starts from a clean WAL
    const stages = new Map<string, number>() // seconds per stage of the import
    const timer = { stage: (name: string) => { const s = performance.now(); return { tick() {}, done: () => void stages.set(name, (performance.now() - s) / 1000) } } }
    const t1 = performance.now()
    const result = await importIncidents(db, { file, crs: 'WGS84', exclusive }, timer)
    const seconds = (performance.now() - t1) / 1000
    const rate = result.inserted / seconds
    console.log(`import:incidents ${mode.padEnd(9)} ${BULK_ROWS.toLocaleString('en')} rows ${rate.toFixed(0).padStart(8)} rows/s   ` +
      `${(rate / baselineRate).toFixed(2)}× baseline (goal ≥ ${GOALS.bulkOverBaseline}×: ${rate / baselineRate >= GOALS.bulkOverBaseline ? 'ok' : 'MISSED'})   ` +
      `${(rate / GOALS.rowsPerSecond).toFixed(2)} of the ${GOALS.rowsPerSecond.toLocaleString('en')} rows/s goal ${rate >= GOALS.rowsPerSecond ? 'ok' : 'MISSED'}`)
    console.log(`  ${result.inserted.toLocaleString('en')} written in ${seconds.toFixed(1)} s: ${[...stages].map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(' · ')}`)
    if (mode === 'live') {
      const [setBased, perRow] = [result.inserted / stages.get('assign')!, baseline.rows / baseline.assignSeconds]
      console.log(`  assignment alone: set-based ${setBased.toFixed(0)} rows/s, assign_point() per row ${perRow.toFixed(0)} rows/s: ${(setBased / perRow).toFixed(2)}×`)
    }
    rmSync(file)
  }
}

/** `api/server.ts` on the bench database, in a child process so it has an event loop of its own. */
async function startServer(url: string): Promise<{ base: string; child: ChildProcess }> {
  const port = 30_000 + Math.floor(Math.random() * 10_000)
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, DATABASE_URL: url, SEED: 'none', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`api/server.ts exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGTERM')
  throw new Error('api/server.ts did not become healthy within 60 s')
}
