// Vector tiles on the PostGIS server, seeded with the demo city, replaying a fixed pan/zoom
// session from z8 to z16 as a 1280 × 800 map with 512-pixel tiles asks for them:
//   cold  every tile once through the app (routing, access, data versions, cache miss, ST_AsMVT),
//         against the same ST_AsMVT statement run directly on the same handle (baseline), in
//         alternating order after one warm-up pass so both read warm buffers;
//   warm  the session again and again from the tile cache, 64 requests in flight, tiles/s;
//   size  every grids tile gzipped, the largest per zoom.
// The app is called in-process (app.request): the server's own time, without a network stack.
import { gzipSync } from 'node:zlib'
import pino from 'pino'
import { createApp } from '../api/app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { findUser } from '../accounts/find-user.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import { DEFAULT_SEED, seedDemo } from '../geodata/seed-demo.ts'
import { TILE_LAYERS } from '../tiles/tile-layers.ts'
import { tileStatement } from '../tiles/tile-statement.ts'
import { createBenchDatabase } from './bench-database.ts'

const SCALE = Number(process.env.BENCH_SCALE || 1) // the seeded city: 1 = Nantong's real counts
const PASSWORD = 'bench' // of the seeded demo accounts
const VIEWPORT = [1280, 800] // CSS pixels
const TILE_PX = 512 // MapLibre's vector tile size
const WARM_SECONDS = 5
const IN_FLIGHT = 64 // concurrent requests in the warm run: a few map desks loading their views
const GOALS = { coldRatio: 1.2, warmPerSecond: 5_000, gridKb: 100 } // from the issue

/** The session: where the map stood, in order (lon, lat, zoom), zooming in on the old town and out again. */
const SESSION: [number, number, number][] = [
  [120.9, 32.1, 8], [120.89, 32.0, 9], [120.89, 31.99, 10], [120.89, 31.99, 11], [120.89, 31.99, 12],
  [120.95, 32.0, 12], [121.0, 32.05, 12], [120.88, 31.99, 13], [120.88, 31.99, 14], [120.9, 31.99, 14],
  [120.92, 31.99, 14], [120.91, 32.0, 15], [120.91, 32.0, 16], [120.915, 32.0, 16], [120.92, 32.005, 16],
  [120.6, 32.3, 13], [121.0, 32.3, 11], [121.2, 32.2, 10], [120.9, 32.1, 9], [120.9, 32.1, 8],
]

interface TileReq { layer: string; z: number; x: number; y: number }

export function sessionTiles(): TileReq[] {
  const seen = new Set<string>()
  const out: TileReq[] = []
  for (const [lon, lat, z] of SESSION) {
    const n = 2 ** z
    const cx = ((lon + 180) / 360) * n * TILE_PX
    const rad = (lat * Math.PI) / 180
    const cy = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n * TILE_PX
    const [x0, x1] = [Math.floor((cx - VIEWPORT[0] / 2) / TILE_PX), Math.floor((cx + VIEWPORT[0] / 2) / TILE_PX)]
    const [y0, y1] = [Math.floor((cy - VIEWPORT[1] / 2) / TILE_PX), Math.floor((cy + VIEWPORT[1] / 2) / TILE_PX)]
    for (const layer of Object.values(TILE_LAYERS)) {
      if (z < layer.minzoom || z > layer.maxzoom) continue // a map asks only within the source's zooms
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const key = `${layer.name}/${z}/${x}/${y}`
          if (!seen.has(key)) out.push({ layer: layer.name, z, x, y }), seen.add(key)
        }
      }
    }
  }
  return out
}

const pct = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((s.length * p) / 100) - 1)] ?? NaN
}
const sum = (ms: number[]) => ms.reduce((a, b) => a + b, 0)

export async function tileBench(): Promise<void> {
  const bench = await createBenchDatabase()
  try {
    const db = bench.db
    console.log(`\ntiles: seeding the demo city at scale ${SCALE} …`)
    await seedDemo(db, { seed: DEFAULT_SEED, scale: SCALE, now: new Date(), demoPassword: PASSWORD })
    await db.query('ANALYZE')
    const tokens = createTokenService(await loadSigningSecret(db))
    // The server's own time per request is what its request log records (api/request-log.ts):
    // from the first middleware to the response, without the in-process caller's Request object.
    let logged: number | undefined
    let collect = true // the cold pass only: the warm runs log as a server does, unread
    const requestLog = { write: (line: string) => void (collect && (logged = (JSON.parse(line) as { ms: number }).ms)) }
    const app = createApp({ db, tokens, log: pino({ level: 'info' }, requestLog) })
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: PASSWORD }) })
    const { token } = (await login.json()) as { token: string }
    const user = (await findUser(db, { username: 'city' }))!
    const jurisdiction = jurisdictionOf(user, user.stationCounties)
    const headers = { authorization: `Bearer ${token}` }
    const tiles = sessionTiles()
    const url = (t: TileReq) => `/tiles/${t.layer}/${t.z}/${t.x}/${t.y}.mvt`
    const direct = async (t: TileReq) => {
      const layer = TILE_LAYERS[t.layer]
      const extra = t.layer === 'incidents' ? [null, null, null, null] : []
      const { sql, params } = tileStatement(layer, 'mvt', t, extra, layer.scope ? jurisdiction : undefined)
      const t0 = performance.now()
      await db.query(sql, params)
      return performance.now() - t0
    }
    const viaApp = async (t: TileReq) => {
      const t0 = performance.now()
      logged = undefined
      const res = await app.request(url(t), { headers })
      const bytes = new Uint8Array(await res.arrayBuffer())
      if (res.status !== 200 && res.status !== 204) throw new Error(`${url(t)}: ${res.status}`)
      return { ms: performance.now() - t0, logged: logged!, bytes }
    }

    // Cold: one warm-up pass of the SQL directly and through a second app (its own, separate tile
    // cache), so that both sides run compiled code on warm buffers, as in a server that has been up
    // a while; then each tile once both ways through the measured app, whose cache is still empty,
    // alternating which goes first.
    const warmUp = createApp({ db, tokens, log: pino({ level: 'silent' }) })
    for (const t of tiles) {
      await direct(t)
      await (await warmUp.request(url(t), { headers })).arrayBuffer()
    }
    const cold = { direct: [] as number[], app: [] as number[], logged: [] as number[] }
    const byLayer = new Map<string, { direct: number; app: number }>()
    const gridKb = new Map<number, number>()
    for (const [i, t] of tiles.entries()) {
      let served: Awaited<ReturnType<typeof viaApp>>
      if (i % 2) {
        cold.direct.push(await direct(t))
        served = await viaApp(t)
      } else {
        served = await viaApp(t)
        cold.direct.push(await direct(t))
      }
      cold.app.push(served.ms)
      cold.logged.push(served.logged)
      const l = byLayer.get(t.layer) ?? { direct: 0, app: 0 }
      byLayer.set(t.layer, { direct: l.direct + cold.direct.at(-1)!, app: l.app + served.ms })
      if (t.layer === 'grids') gridKb.set(t.z, Math.max(gridKb.get(t.z) ?? 0, gzipSync(served.bytes).length / 1024))
    }

    // Warm: the session again from the cache, IN_FLIGHT requests at a time: the public layers, then
    // all (incidents and units load the signed-in user afresh on every request, api/access.ts).
    const warm = async (set: TileReq[]) => {
      const ms: number[] = []
      const until = performance.now() + WARM_SECONDS * 1000
      const t0 = performance.now()
      await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, k) => {
        for (let i = k; performance.now() < until; i += IN_FLIGHT) {
          const s = performance.now()
          const res = await app.request(url(set[i % set.length]), { headers })
          await res.arrayBuffer()
          ms.push(performance.now() - s)
        }
      }))
      return { ms, perSecond: ms.length / ((performance.now() - t0) / 1000) }
    }
    collect = false
    const warmPublic = await warm(tiles.filter((t) => !TILE_LAYERS[t.layer].scope))
    const warmAll = await warm(tiles)

    const ratio = sum(cold.logged) / sum(cold.direct)
    const line = (name: string, ms: number[]) =>
      console.log(`${name.padEnd(38)} p50 ${pct(ms, 50).toFixed(2).padStart(7)} ms   p95 ${pct(ms, 95).toFixed(2).padStart(7)} ms   total ${(sum(ms) / 1000).toFixed(2)} s`)
    console.log(`\ntiles, a session of ${SESSION.length} views z8–z16 over the seeded city (scale ${SCALE}): ${tiles.length} tiles of ${Object.keys(TILE_LAYERS).length} layers`)
    line('baseline: the ST_AsMVT SQL directly', cold.direct)
    line('cold: server time (its request log)', cold.logged)
    line('cold: in-process round trip', cold.app)
    console.log(`ratio cold server time / direct: ${ratio.toFixed(2)}× total, ${(pct(cold.logged, 50) / pct(cold.direct, 50)).toFixed(2)}× p50, ` +
      `${(pct(cold.logged, 95) / pct(cold.direct, 95)).toFixed(2)}× p95 (goal ≤ ${GOALS.coldRatio}×: ${ratio <= GOALS.coldRatio ? 'ok' : 'MISSED'}); ` +
      `round trip / direct ${(sum(cold.app) / sum(cold.direct)).toFixed(2)}× total`)
    console.log(`  per layer, round trip / direct: ${[...byLayer].map(([name, l]) => `${name} ${(l.app / l.direct).toFixed(2)}×`).join(' · ')}`)
    for (const [name, w] of [['public layers', warmPublic], ['all layers', warmAll]] as const) {
      line(`warm, ${name}: cache hits`, w.ms)
      console.log(`warm, ${name}: ${w.perSecond.toFixed(0)} tiles/s with ${IN_FLIGHT} in flight = ${(w.perSecond / GOALS.warmPerSecond).toFixed(2)} of the ` +
        `${GOALS.warmPerSecond} tiles/s goal ${w.perSecond >= GOALS.warmPerSecond ? 'ok' : 'MISSED'}; ${(w.perSecond * (sum(cold.app) / cold.app.length) / 1000).toFixed(0)}× the cold rate`)
    }
    const worst = Math.max(...gridKb.values())
    console.log(`grids gzipped, largest per zoom: ${[...gridKb].sort(([a], [b]) => a - b).map(([z, kb]) => `z${z} ${kb.toFixed(1)} KB`).join(' · ')} ` +
      `(goal ≤ ${GOALS.gridKb} KB: ${(worst / GOALS.gridKb).toFixed(2)} of it, ${worst <= GOALS.gridKb ? 'ok' : 'MISSED'})`)
  } finally {
    await bench.dispose()
  }
}
