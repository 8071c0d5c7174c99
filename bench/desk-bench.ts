// The map desk in headless Chromium on the PostGIS server, seeded with the demo city:
//   (a) first full render: sign-in done, the style's tiles and one month of incidents drawn as heat,
//       against the bare app shell (the sign-in page) of the same run, and the 2 s goal;
//   (b) a time-slider move to its next drawn frame, against the 200 ms goal;
//   (c) (a) and (b) again with 1,000,000 incidents, generated in SQL in this scratch database;
//   and the size of the heat answer each time (the server aggregates, the browser never sees rows).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { build } from 'vite'
import { serve } from '@hono/node-server'
import { chromium, type Browser } from 'playwright-core'
import { createApp } from '../api/app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { DEFAULT_SEED, seedDemo } from '../geodata/seed-demo.ts'
import type { Database } from '../db/database.ts'
import { createBenchDatabase } from './bench-database.ts'

const SCALE = Number(process.env.BENCH_SCALE || 1) // the seeded city: 1 = Nantong's real counts
const MILLION = Number(process.env.BENCH_INCIDENTS || 1_000_000) // incidents for (c)
const RUNS = 3 // page loads per figure; the median is printed
const MOVES = 20 // slider moves per page
const GOALS = { renderMs: 2_000, moveMs: 200 } // from the issue
const PASSWORD = 'bench' // of the seeded demo accounts
const VIEWPORT = { width: 1920, height: 1080 }
const DAYS = 270 // the span the generated incidents fall in, like the seed's nine months

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] // as in DEVELOPERS.md

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Copies of the seeded incidents, jittered ~500 m and spread over the last nine months, up to `total`. */
async function growIncidents(db: Database, total: number): Promise<number> {
  await db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL wangge.bulk_load = 'on'`)
    const seeded = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n
    await tx.query(
      `INSERT INTO incident (id, source, category_code, description, location, reported_at, received_at, village_code, town_code,
                             county_code, grid_code, station_id, status, handling_level, department_code, due_at, closed_at, synthetic)
       SELECT gen_random_uuid(), i.source, i.category_code, '',
              ST_SetSRID(ST_MakePoint(ST_X(i.location) + (random() - 0.5) * 0.01, ST_Y(i.location) + (random() - 0.5) * 0.01), 4326),
              t.at, t.at, i.village_code, i.town_code, i.county_code, i.grid_code, i.station_id, i.status, i.handling_level,
              i.department_code, t.at + (i.due_at - i.reported_at), t.at + (i.closed_at - i.reported_at), true
         FROM generate_series(1, $1::int) g
         JOIN (SELECT *, row_number() OVER () AS k FROM incident) i ON i.k = g % $3::int + 1   -- a hash join on k
        CROSS JOIN LATERAL (SELECT now() - random() * make_interval(days => $2) AS at, g AS salt) t`,
      [Math.max(0, total - seeded), DAYS, seeded],
    )
  })
  await db.exec('VACUUM ANALYZE incident') // as autovacuum does after a bulk insert (PostgreSQL ≥ 13): statistics and the visibility map
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n
}

async function measure(browser: Browser, url: string, token: string) {
  const shell: number[] = []
  const render: number[] = []
  const moves: number[] = []
  let heatBytes = 0
  let heatCells = 0
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: VIEWPORT })
    page.on('response', async (r) => {
      if (r.url().includes('/api/incidents/heat')) {
        const body = await r.body().catch(() => Buffer.alloc(0))
        heatBytes = body.length
        heatCells = (JSON.parse(body.toString() || '{}') as { cells?: number }).cells ?? 0
      }
    })
    // The bare shell: the app without a token stops at the sign-in form.
    await page.goto(url)
    await page.waitForSelector('#login')
    shell.push(await page.evaluate(() => performance.now()))
    // The desk: a signed-in tab, timed from navigation to the first frame with tiles and heat.
    await page.evaluate((t) => sessionStorage.setItem('token', t), token)
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('desk-rendered').length > 0, undefined, { timeout: 60_000 })
    render.push(await page.evaluate(() => performance.getEntriesByName('desk-rendered')[0].startTime))
    // Slider moves: from the input event to the next frame deck.gl drew.
    await page.click('button[data-window="604800000"]')
    const times = await page.evaluate(async (n) => {
      const out: number[] = []
      for (let k = 0; k < n; k++) {
        const input = document.querySelector<HTMLInputElement>('#time-end')!
        const step = (Number(input.max) - Number(input.min)) / n
        input.value = String(Number(input.min) + step * k)
        const t0 = performance.now()
        input.dispatchEvent(new Event('input'))
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        out.push(performance.now() - t0)
      }
      return out
    }, MOVES)
    moves.push(...times)
    await page.close()
  }
  return { shellMs: median(shell), renderMs: median(render), moveMs: median(moves), moveMaxMs: Math.max(...moves), heatBytes, heatCells }
}

function print(label: string, incidents: number, m: Awaited<ReturnType<typeof measure>>) {
  const f = (x: number) => x.toFixed(0)
  console.log(`desk · ${label} (${incidents.toLocaleString()} incidents)`)
  console.log(`  first full render  ${f(m.renderMs)} ms = ${(m.renderMs / m.shellMs).toFixed(1)}× the bare shell (${f(m.shellMs)} ms), ${(m.renderMs / GOALS.renderMs).toFixed(2)}× the ${GOALS.renderMs} ms goal ${m.renderMs <= GOALS.renderMs ? 'ok' : 'MISSED'}`)
  console.log(`  slider move        median ${f(m.moveMs)} ms, max ${f(m.moveMaxMs)} ms = ${(m.moveMaxMs / GOALS.moveMs).toFixed(2)}× the ${GOALS.moveMs} ms goal ${m.moveMaxMs <= GOALS.moveMs ? 'ok' : 'MISSED'}`)
  console.log(`  heat answer        ${m.heatCells.toLocaleString()} cell-days, ${(m.heatBytes / 1024).toFixed(0)} KB`)
}

/** The built app and the API on a random port of this process. */
async function serveDesk(db: Database, webRoot: string) {
  const app = createApp({ db, tokens: createTokenService(await loadSigningSecret(db)), log: pino({ level: 'silent' }), webRoot: path.relative(process.cwd(), webRoot) })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.() // open live-feed streams
      server.close(() => resolve())
    }),
  }
}

export async function deskBench(): Promise<void> {
  const bench = await createBenchDatabase()
  const webRoot = mkdtempSync(path.join(tmpdir(), 'wangge-desk-bench-'))
  let browser: Browser | undefined
  let server: Awaited<ReturnType<typeof serveDesk>> | undefined
  try {
    await build({ configFile: path.resolve('web/vite.config.ts'), logLevel: 'error', build: { outDir: webRoot, emptyOutDir: true } })
    await seedDemo(bench.db, { seed: DEFAULT_SEED, scale: SCALE, now: new Date(), demoPassword: PASSWORD })
    server = await serveDesk(bench.db, webRoot)
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
    const seeded = (await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incident')).rows[0].n
    print('demo seed', seeded, await measure(browser, server.url, token))
    const grown = await growIncidents(bench.db, MILLION)
    print('grown', grown, await measure(browser, server.url, token))
  } finally {
    await browser?.close()
    await server?.close()
    rmSync(webRoot, { recursive: true, force: true })
    await bench.dispose()
  }
}
