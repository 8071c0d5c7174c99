// The demo seed loaded into real PostGIS: counts, validity and coverage invariants checked by the
// database itself, and the headline figures read back through GET /api/stats/overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../db/test-database.ts'
import { createApp } from '../api/app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { seedDemo, type SeedSummary } from './seed-demo.ts'
import { lifecycleCounts } from './synthesize-incidents.ts'
import { demoApiKey, findApiKey } from '../accounts/api-keys.ts'

const SCALE = 0.1 // 192 villages: at least one per real town (100) at every scale
const NOW = new Date('2026-11-30T08:00:00+08:00')
const PASSWORD = 'seed-test-pass'

describe.each(TEST_ENGINES)('the demo seed on %s', (kind) => {
  let db: TestDatabase
  let summary: SeedSummary
  let app: ReturnType<typeof createApp>
  const get = async (path: string, username: string) => {
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    return app.request(path, { headers: { authorization: `Bearer ${token}` } })
  }
  const one = async <T>(sql: string) => (await db.query<T>(sql)).rows[0]

  beforeAll(async () => {
    db = await openTestDatabase(kind)
    summary = await seedDemo(db, { seed: 7, scale: SCALE, now: NOW, demoPassword: PASSWORD })
    app = createApp({ db, tokens: createTokenService(await loadSigningSecret(db)), log: pino({ level: 'silent' }) })
  }, 300_000)
  afterAll(() => db?.dispose())

  it('loads the real counties and towns and the scaled synthetic levels', async () => {
    const levels = await db.query<{ level: string; n: number; synthetic: boolean }>(
      'SELECT level, synthetic, count(*)::int AS n FROM admin_unit GROUP BY level, synthetic ORDER BY level')
    expect(levels.rows).toEqual([
      { level: 'city', synthetic: false, n: 1 },
      { level: 'county', synthetic: false, n: 7 },
      { level: 'town', synthetic: true, n: 100 },
      { level: 'village', synthetic: true, n: Math.round(1916 * SCALE) },
    ])
    expect(summary.basicGrids).toBe(Math.round(10_719 * SCALE))
    expect(summary.exclusiveGrids).toBe(Math.round(4_571 * SCALE))
    const incidents = await one<{ n: number }>('SELECT count(*)::int AS n FROM incident')
    expect(incidents.n).toBe(lifecycleCounts(SCALE).total)
  })

  it('stores only valid geometry', async () => {
    const invalid = await one<{ n: number }>(`
      SELECT (SELECT count(*) FROM admin_unit WHERE NOT ST_IsValid(geom))
           + (SELECT count(*) FROM grid WHERE NOT ST_IsValid(geom))
           + (SELECT count(*) FROM station WHERE NOT ST_IsValid(geom)) AS n`)
    expect(invalid.n).toBe(0)
  })

  it('tiles every village with its basic grids: no gap over 1 m², no overlap over 0.01 m²', async () => {
    const worst = await one<{ gap: number; overlap: number }>(`
      WITH v AS (
        SELECT a.code, a.geom, ST_Union(g.geom) AS grids, ST_Area(a.geom::geography) AS area,
               sum(ST_Area(g.geom::geography)) AS summed
          FROM admin_unit a JOIN grid g ON g.village_code = a.code AND g.kind = 'basic' AND g.valid_to IS NULL
         WHERE a.level = 'village' GROUP BY a.code, a.geom)
      SELECT max(ST_Area(ST_SymDifference(geom, grids)::geography)) AS gap,
             max(summed - ST_Area(grids::geography)) AS overlap FROM v`)
    expect(worst.gap).toBeLessThan(1)
    expect(worst.overlap).toBeLessThan(0.01)
  })

  it('tiles each county with its towns and the city with its stations', async () => {
    const towns = await one<{ gap: number }>(`
      SELECT max(ST_Area(ST_SymDifference(c.geom, t.u)::geography)) AS gap
        FROM admin_unit c
        JOIN (SELECT parent_code, ST_Union(geom) AS u FROM admin_unit WHERE level = 'town' GROUP BY parent_code) t
          ON t.parent_code = c.code`)
    expect(towns.gap).toBeLessThan(1)
    const stations = await one<{ gap: number; overlap: number }>(`
      SELECT ST_Area(ST_SymDifference((SELECT ST_Union(geom) FROM admin_unit WHERE level = 'county'),
                                      ST_Union(geom))::geography) AS gap,
             sum(ST_Area(geom::geography)) - ST_Area(ST_Union(geom)::geography) AS overlap
        FROM station`)
    expect(stations.gap).toBeLessThan(1)
    expect(stations.overlap).toBeLessThan(1)
  })

  it('keeps every exclusive grid inside one county', async () => {
    const outside = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM grid g JOIN admin_unit c ON c.code = g.county_code
       WHERE g.kind = 'exclusive' AND NOT ST_CoveredBy(g.geom, c.geom)`)
    expect(outside.n).toBe(0)
  })

  it('puts every incident inside its grid and routes and closes them as the source city did', async () => {
    const off = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM incident i JOIN grid g ON g.id = i.grid_id WHERE NOT ST_Covers(g.geom, i.location)`)
    expect(off.n).toBe(0)
    const res = await get('/api/stats/overview', 'city')
    expect(res.status).toBe(200)
    const stats = (await res.json()) as { incidents: { routed: number; closed: number }; grids: { basic: number } }
    const expected = lifecycleCounts(SCALE)
    expect(stats.incidents).toMatchObject({ routed: expected.routed, closed: expected.closed })
    expect(stats.grids.basic).toBe(summary.basicGrids)
  })

  it('scopes the overview to a town center', async () => {
    const town = await one<{ code: string; villages: number; grids: number }>(`
      SELECT t.code, (SELECT count(*)::int FROM admin_unit v WHERE v.parent_code = t.code) AS villages,
             (SELECT count(*)::int FROM grid g WHERE g.kind = 'basic' AND left(g.village_code, 9) = left(t.code, 9)) AS grids
        FROM admin_unit t WHERE t.code = '320612001000'`)
    const res = await get('/api/stats/overview', 'town-320612001')
    const stats = (await res.json()) as { adminUnits: Record<string, number>; grids: { basic: number } }
    expect(stats.adminUnits).toEqual({ city: 0, county: 0, town: 1, village: town.villages })
    expect(stats.grids.basic).toBe(town.grids)
  })

  it('makes demo accounts named by code that can sign in', async () => {
    for (const username of ['admin', 'city', 'county-320612', 'town-320612001', 'department-citymgmt']) {
      expect((await get('/api/auth/me', username)).status, username).toBe(200)
    }
    const station = await one<{ code: string }>('SELECT code FROM station ORDER BY code LIMIT 1')
    expect((await get('/api/auth/me', `station-${station.code}`)).status).toBe(200)
  })

  it('gives the hotline and the 110 feed a key each, derived from the demo password, and no sign-in', async () => {
    for (const [client, username] of [['hotline', 'hotline12345'], ['110', 'feed110']] as const) {
      const key = await findApiKey(db, demoApiKey(client, PASSWORD))
      expect(key).toMatchObject({ client, user: { username, role: 'city_center' } })
      const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) })
      expect(login.status).toBe(401)
    }
  })
})
