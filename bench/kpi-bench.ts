// The city-wide KPIs grouped by county over a million incidents on the PostGIS server, as a ratio
// to a baseline of the same run: the naive query over the raw rows (stats/kpi.sql, one scan of
// `incident`) against GET /api/stats/kpi, which answers from the kpi_daily rollup and partial
// indexes (stats/compute-kpi-rollup.ts). Both give the same numbers, which the bench checks first.
// Data: the demo seed, then BENCH_KPI_ROWS incidents bulk-generated in SQL over its grids and
// categories (bench/kpi-incidents.sql), with the rollup kept by its triggers as they go in.
import pino from 'pino'
import { createApp } from '../api/app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import { sqlFile } from '../db/sql-file.ts'
import { DEFAULT_SEED, seedDemo } from '../geodata/seed-demo.ts'
import { computeKpi, type KpiRequest } from '../stats/compute-kpi.ts'
import { createBenchDatabase } from './bench-database.ts'

const SCALE = Number(process.env.BENCH_SCALE || 1) // the seeded city: 1 = Nantong's real counts
const ROWS = Number(process.env.BENCH_KPI_ROWS || 1_000_000) // generated on top of the seed
const RUNS = Number(process.env.BENCH_KPI_RUNS || 30) // timed requests per side
const WARMUP = 5 // untimed requests per side first (caches, plans)
const GOAL_MS = 200 // from the issue: city-wide, grouped, 1,000,000 incidents
const PASSWORD = 'bench' // of the seeded demo accounts
const GENERATE = sqlFile(import.meta.url, 'kpi-incidents.sql')

export async function kpiBench(): Promise<void> {
  const bench = await createBenchDatabase()
  try {
    const now = new Date()
    let t0 = performance.now()
    await seedDemo(bench.db, { seed: DEFAULT_SEED, scale: SCALE, now, demoPassword: PASSWORD })
    const seedSeconds = (performance.now() - t0) / 1000
    t0 = performance.now()
    await bench.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL wangge.bulk_load = 'on'`) // no live-feed announcement per row
      await tx.query('SET LOCAL max_parallel_workers_per_gather = 0') // a serial plan: random() in a fixed order
      await tx.query('SELECT setseed(0.20260101)')
      await tx.query(GENERATE, [ROWS, now.toISOString()])
    })
    const generateSeconds = (performance.now() - t0) / 1000
    await bench.db.exec('VACUUM ANALYZE incident, kpi_daily')
    const { rows: [size] } = await bench.db.query<{ n: number; rollup: number }>(
      'SELECT (SELECT count(*) FROM incident)::int AS n, (SELECT count(*) FROM kpi_daily)::int AS rollup')
    console.log(`\nKPIs: ${size.n.toLocaleString('en')} incidents (seed at scale ${SCALE} in ${seedSeconds.toFixed(1)} s, ` +
      `${ROWS.toLocaleString('en')} generated in ${generateSeconds.toFixed(1)} s), kpi_daily ${size.rollup.toLocaleString('en')} rows`)

    const app = createApp({ db: bench.db, tokens: createTokenService(await loadSigningSecret(bench.db)), log: pino({ level: 'silent' }) })
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: PASSWORD }) })
    const { token } = (await login.json()) as { token: string }
    const city = jurisdictionOf({ id: 0, username: 'city', displayName: 'city', role: 'city_center', scopeKind: 'all', scopeCodes: [] })

    const endpoint = async () => {
      const res = await app.request('/api/stats/kpi?groupBy=county', { headers: { authorization: `Bearer ${token}` } })
      if (res.status !== 200) throw new Error(`GET /api/stats/kpi: ${res.status} ${await res.text()}`)
      return (await res.json()) as Awaited<ReturnType<typeof computeKpi>>
    }
    const request = (): KpiRequest => ({ from: null, to: new Date(), asOf: new Date(), groupBy: 'county', area: null, department: null })
    const naive = () => computeKpi(bench.db, city, request(), 'raw')

    const [fast, raw] = [await endpoint(), await naive()]
    const same = JSON.stringify({ groups: fast.groups, total: fast.total }) === JSON.stringify(raw)
    console.log(`same numbers from both: ${same ? 'yes' : 'NO'} (routed ${fast.total.routed.toLocaleString('en')}, closed ` +
      `${fast.total.closed.toLocaleString('en')}, closure ${fast.total.closureRate}, p90 ${fast.total.closeHoursP90} h)`)

    const time = async (run: () => Promise<unknown>) => {
      for (let i = 0; i < WARMUP; i++) await run()
      const ms: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        await run()
        ms.push(performance.now() - t)
      }
      if (process.env.BENCH_KPI_VERBOSE) console.log(ms.map((x) => x.toFixed(0)).join(" "))
      return percentiles(ms)
    }
    const b = await time(naive)
    const e = await time(endpoint)
    const line = (name: string, s: { p50: number; p95: number }) =>
      console.log(`${name.padEnd(46)} p50 ${s.p50.toFixed(1).padStart(8)} ms   p95 ${s.p95.toFixed(1).padStart(8)} ms`)
    console.log(`city-wide, grouped by county, all time to now, ${RUNS} runs each`)
    line('baseline: kpi.sql over the raw rows', b)
    line('GET /api/stats/kpi?groupBy=county (rollup)', e)
    console.log(`ratio endpoint / baseline: p50 ${(e.p50 / b.p50).toFixed(3)}×, p95 ${(e.p95 / b.p95).toFixed(3)}×; ` +
      `endpoint p95 ${(e.p95 / GOAL_MS).toFixed(2)} of the ${GOAL_MS} ms goal ${e.p95 <= GOAL_MS ? 'ok' : 'MISSED'}`)
  } finally {
    await bench.dispose()
  }
}

function percentiles(ms: number[]): { p50: number; p95: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { p50: at(0.5), p95: at(0.95) }
}
