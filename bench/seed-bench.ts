// The full demo seed (scale 1) on the PostGIS server and on the embedded engine, and a restart of
// `npm start` on the seeded embedded data to a healthy server. Each figure is printed against its
// goal and against the baseline measured in the same run: generating the rows in JavaScript
// alone, which is the floor any loader stands on.
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openTestDatabase, embeddedTemplateDir } from '../db/test-database.ts'
import { openEmbeddedDatabase } from '../db/open-embedded-database.ts'
import { synthesizeGeography } from '../geodata/synthesize-geography.ts'
import { synthesizeStaff } from '../geodata/synthesize-staff.ts'
import { synthesizeIncidents } from '../geodata/synthesize-incidents.ts'
import { synthesizeUnits } from '../geodata/synthesize-units.ts'
import { DEFAULT_SEED, seedDemo } from '../geodata/seed-demo.ts'
import setupTemplate from '../db/test-global-setup.ts'

const GOALS = { server: 30, embedded: 60, restart: 15 } // seconds, from the issue
const OPTS = { seed: DEFAULT_SEED, scale: 1, now: new Date(), demoPassword: 'bench' }

const seconds = (t0: number) => (performance.now() - t0) / 1000

function generateOnly(): number {
  const t0 = performance.now()
  const geo = synthesizeGeography(OPTS)
  synthesizeStaff(geo, geo.stations, OPTS)
  synthesizeIncidents(geo, geo.stations, OPTS)
  synthesizeUnits(geo, geo.stations, OPTS)
  return seconds(t0)
}

async function seedServer(): Promise<number> {
  const db = await openTestDatabase('postgres')
  try {
    const t0 = performance.now()
    await seedDemo(db, OPTS)
    return seconds(t0)
  } finally {
    await db.dispose()
  }
}

async function seedEmbedded(dir: string): Promise<number> {
  cpSync(embeddedTemplateDir(), dir, { recursive: true })
  const db = await openEmbeddedDatabase(dir)
  try {
    const t0 = performance.now()
    await seedDemo(db, OPTS)
    return seconds(t0)
  } finally {
    await db.close()
  }
}

/** Seconds from spawning `api/server.ts` on the seeded folder to a 200 from /api/health. */
function restart(dataDir: string): Promise<number> {
  const port = 30_000 + Math.floor(Math.random() * 10_000)
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.dirname(dataDir), PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  })
  return new Promise((resolve, reject) => {
    let healthyAfter: number | undefined
    const poll = setInterval(async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`)
        if (res.ok && healthyAfter === undefined) {
          healthyAfter = seconds(t0)
          clearInterval(poll)
          child.kill('SIGTERM')
        }
      } catch {
        // not listening yet
      }
    }, 100)
    child.once('exit', (code) => {
      clearInterval(poll)
      if (healthyAfter !== undefined) resolve(healthyAfter)
      else reject(new Error(`server exited with ${code} before it was healthy`))
    })
  })
}

export async function seedBench(): Promise<void> {
  await setupTemplate()
  const base = mkdtempSync(path.join(tmpdir(), 'wangge-bench-'))
  const dataDir = path.join(base, 'pglite') // where api/server.ts looks under DATA_DIR
  try {
    const generate = generateOnly()
    const server = await seedServer()
    const embedded = await seedEmbedded(dataDir)
    const restarted = await restart(dataDir)
    const row = (name: string, s: number, goal: number) =>
      console.log(
        `${name.padEnd(28)} ${s.toFixed(1).padStart(6)} s   ${(s / generate).toFixed(1).padStart(5)}× generation   ` +
          `${(s / goal).toFixed(2)} of the ${goal} s goal ${s <= goal ? 'ok' : 'MISSED'}`,
      )
    console.log(`\nseed, scale 1 (baseline: generating the rows in JavaScript, ${generate.toFixed(1)} s)`)
    row('full seed, PostGIS server', server, GOALS.server)
    row('full seed, embedded', embedded, GOALS.embedded)
    row('restart on seeded embedded', restarted, GOALS.restart)
  } finally {
    rmSync(base, { recursive: true, force: true })
  }
}
