// The closed loop's test fixture: the test app with the intake grids, one account per relation to
// an incident (and one outside it for each), and helpers to report, act and bring an incident to
// any state through the API itself.
import { randomUUID } from 'node:crypto'
import { openTestApp, FIXTURE_PASSWORD, type TestApp } from '../api/test-app.ts'
import { sqlFile } from '../db/sql-file.ts'
import { createUser } from '../accounts/create-user.ts'
import type { EngineKind } from '../db/test-database.ts'
import type { Role, ScopeKind } from '../accounts/roles.ts'
import type { Status } from './incident-transitions.ts'

const INTAKE_FIXTURE = sqlFile(import.meta.url, 'intake-fixture.sql')

/** Accounts beyond test-app.ts's: the other town and county, the village, two more departments, other workers. */
const MORE_USERS: { username: string; role: Role; scopeKind: ScopeKind; scopeCodes: string[] }[] = [
  { username: 'town-320623100', role: 'town_center', scopeKind: 'admin_unit', scopeCodes: ['320623100000'] },
  { username: 'county-320623', role: 'county_center', scopeKind: 'admin_unit', scopeCodes: ['320623000000'] },
  { username: 'village-320612001001', role: 'village_center', scopeKind: 'admin_unit', scopeCodes: ['320612001001'] },
  { username: 'department-police110', role: 'department', scopeKind: 'department', scopeCodes: ['police110'] },
  { username: 'department-civil', role: 'department', scopeKind: 'department', scopeCodes: ['civil'] },
  { username: 'worker-320612001001002', role: 'grid_worker', scopeKind: 'grids', scopeCodes: ['320612001001002'] },
  { username: 'worker2-320612001001001', role: 'grid_worker', scopeKind: 'grids', scopeCodes: ['320612001001001'] },
  { username: 'gridoffice', role: 'grid_office', scopeKind: 'all', scopeCodes: [] },
]

export const ACCOUNTS = [
  'admin', 'city', 'county-320612', 'town-320612001', 'station-320612510100', 'department-citymgmt', 'worker-320612001001001',
  ...MORE_USERS.map((u) => u.username),
] as const
export type Account = (typeof ACCOUNTS)[number]

export const REPORTER: Account = 'worker-320612001001001' // files the fixture's reports, in grid 001
export const IN_GRID_001: [number, number] = [120.605, 31.905] // village 320612001001, town 320612001000

export interface LoopFixture {
  t: TestApp
  token: Record<Account, string>
  report(over?: Record<string, unknown>, by?: Account): Promise<string>
  act(by: Account, id: string, body: Record<string, unknown>): Promise<Response>
  /** Acts and insists on a 200. */
  step(by: Account, id: string, body: Record<string, unknown>): Promise<Record<string, any>>
  get(by: Account, id: string): Promise<Record<string, any>>
  /** A new report brought to `state` by the admin through the API. */
  reportIn(state: Status, over?: Record<string, unknown>): Promise<string>
  close(): Promise<void>
}

/** The admin's path from reported to each state. */
export const PATH_TO: Record<Status, Record<string, unknown>[]> = {
  reported: [],
  accepted: [{ action: 'accept' }],
  rejected: [{ action: 'reject', reason: '不属于受理范围' }],
  merged: [], // needs a second incident: see reportIn
  dispatched: [{ action: 'accept' }, { action: 'dispatch' }],
  signed: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'sign' }],
  handled: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'sign' }, { action: 'handle', feedback: '已清理' }],
  verified: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'sign' }, { action: 'handle', feedback: '已清理' }, { action: 'verify', result: 'pass' }],
  closed: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'sign' }, { action: 'handle', feedback: '已清理' }, { action: 'verify', result: 'pass' }, { action: 'close' }],
  evaluated: [{ action: 'accept' }, { action: 'dispatch' }, { action: 'sign' }, { action: 'handle', feedback: '已清理' }, { action: 'verify', result: 'pass' }, { action: 'close' }, { action: 'evaluate', satisfaction: 5 }],
  shelved: [{ action: 'accept' }, { action: 'shelve', reason: '需专项资金', approvedBy: '街道分管领导' }],
}

export async function openLoopFixture(kind: EngineKind): Promise<LoopFixture> {
  const t = await openTestApp(kind)
  await t.db.exec(INTAKE_FIXTURE)
  await t.db.exec(`INSERT INTO admin_unit (code, parent_code, level, name, kind, geom) VALUES
    ('320623100001', '320623100000', 'village', '外村', '村', ST_Multi(ST_MakeEnvelope(121.0, 31.8, 121.1, 31.9, 4326)))`)
  for (const u of MORE_USERS) await createUser(t.db, { ...u, displayName: u.username, password: FIXTURE_PASSWORD })
  const token = {} as Record<Account, string>
  for (const a of ACCOUNTS) token[a] = await t.login(a)

  const request = async (by: Account, path: string, body?: unknown): Promise<Response> =>
    t.app.request(path, body === undefined
      ? { headers: { authorization: `Bearer ${token[by]}` } }
      : { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token[by]}` }, body: JSON.stringify(body) })

  const f: LoopFixture = {
    t,
    token,
    async report(over = {}, by = REPORTER) {
      const id = randomUUID()
      const res = await request(by, '/api/incidents', {
        id, category: '0101', description: '路边暴露垃圾', location: { type: 'Point', coordinates: IN_GRID_001 }, crs: 'WGS84',
        reportedAt: new Date(Date.now() - 60_000).toISOString(), source: 'terminal', ...over,
      })
      if (res.status !== 201) throw new Error(`fixture report: ${res.status} ${await res.text()}`)
      return id
    },
    act: (by, id, body) => request(by, `/api/incidents/${id}/actions`, body),
    async step(by, id, body) {
      const res = await f.act(by, id, body)
      if (res.status !== 200) throw new Error(`${by} ${JSON.stringify(body)} on ${id}: ${res.status} ${await res.text()}`)
      return (await res.json()) as Record<string, any>
    },
    async get(by, id) {
      const res = await request(by, `/api/incidents/${id}`)
      if (res.status !== 200) throw new Error(`GET ${id} as ${by}: ${res.status}`)
      return (await res.json()) as Record<string, any>
    },
    async reportIn(state, over = {}) {
      const id = await f.report(over)
      if (state === 'merged') await f.step('admin', id, { action: 'merge', into: await f.report(over) })
      for (const body of PATH_TO[state]) await f.step('admin', id, body)
      return id
    },
    close: () => t.close(),
  }
  return f
}
