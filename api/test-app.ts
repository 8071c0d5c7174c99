// A real app on a real test database with a small fixture jurisdiction tree: the city, two
// counties, a town in each, one station, and a user per role. Tokens come from real sign-in.
import pino from 'pino'
import { createApp } from './app.ts'
import { openTestDatabase, type EngineKind, type TestDatabase } from '../db/test-database.ts'
import { createTokenService, loadSigningSecret, type TokenService } from '../accounts/token-service.ts'
import { createUser } from '../accounts/create-user.ts'
import { hashPassword } from '../accounts/hash-password.ts'
import type { Role, ScopeKind } from '../accounts/roles.ts'

export const FIXTURE_PASSWORD = 'fixture-pass-1'

const square = (x: number, y: number, d: number) =>
  `ST_Multi(ST_MakeEnvelope(${x}, ${y}, ${x + d}, ${y + d}, 4326))`

const FIXTURE_SQL = `
INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
  ('320600000000', NULL, 'city', '南通市', '地级市', ${square(120.5, 31.8, 1)}),
  ('320612000000', '320600000000', 'county', '通州区', '市辖区', ${square(120.5, 31.8, 0.5)}),
  ('320623000000', '320600000000', 'county', '如东县', '县', ${square(121.0, 31.8, 0.5)}),
  ('320612001000', '320612000000', 'town', '金沙街道', '街道', ${square(120.5, 31.8, 0.25)}),
  ('320623100000', '320623000000', 'town', '掘港街道', '街道', ${square(121.0, 31.8, 0.25)});
INSERT INTO station (code, name, county_code, geom) VALUES
  ('320612510100', '金沙派出所', '320612000000', ${square(120.5, 31.8, 0.25)});
INSERT INTO department (code, name, name_en) VALUES ('citymgmt', '数字城管', 'Digital city management');
`

export const FIXTURE_USERS: { username: string; role: Role; scopeKind: ScopeKind; scopeCodes: string[] }[] = [
  { username: 'admin', role: 'admin', scopeKind: 'all', scopeCodes: [] },
  { username: 'city', role: 'city_center', scopeKind: 'all', scopeCodes: [] },
  { username: 'county-320612', role: 'county_center', scopeKind: 'admin_unit', scopeCodes: ['320612000000'] },
  { username: 'town-320612001', role: 'town_center', scopeKind: 'admin_unit', scopeCodes: ['320612001000'] },
  { username: 'station-320612510100', role: 'station', scopeKind: 'station', scopeCodes: ['320612510100'] },
  { username: 'department-citymgmt', role: 'department', scopeKind: 'department', scopeCodes: ['citymgmt'] },
  { username: 'worker-320612001001001', role: 'grid_worker', scopeKind: 'grids', scopeCodes: ['320612001001001'] },
]

export interface TestApp {
  db: TestDatabase
  app: ReturnType<typeof createApp>
  tokens: TokenService
  /** Signs in through POST /api/auth/login and returns the bearer token. */
  login(username: string): Promise<string>
  close(): Promise<void>
}

export async function openTestApp(kind: EngineKind, now?: () => Date): Promise<TestApp> {
  const db = await openTestDatabase(kind)
  await db.exec(FIXTURE_SQL)
  const passwordHash = await hashPassword(FIXTURE_PASSWORD)
  for (const u of FIXTURE_USERS) await createUser(db, { ...u, displayName: u.username, passwordHash })
  const tokens = createTokenService(await loadSigningSecret(db), now)
  const app = createApp({ db, tokens, log: pino({ level: 'silent' }) })
  return {
    db,
    app,
    tokens,
    async login(username) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
      })
      if (res.status !== 200) throw new Error(`fixture login ${username}: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { token: string }).token
    },
    close: () => db.dispose(),
  }
}
