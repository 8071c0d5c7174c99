// The KPIs over a small demo seed, through the API: the city totals are the seed's exact
// lifecycle counts (at scale 1: 49,743 routed, 42,281 closed), the groups add up to the total, and
// the loop bookkeeping the seed writes (step times, counters) is what the KPIs read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../db/test-database.ts'
import { createApp } from '../api/app.ts'
import { createTokenService, loadSigningSecret } from '../accounts/token-service.ts'
import { seedDemo } from '../geodata/seed-demo.ts'
import { lifecycleCounts } from '../geodata/synthesize-incidents.ts'
import type { KpiFigures, KpiGroup } from './compute-kpi.ts'

const SCALE = 0.02 // still one village per real town
const NOW = new Date('2026-11-30T08:00:00+08:00')
const PASSWORD = 'kpi-demo-pass'

describe.each(TEST_ENGINES)('KPIs of the demo seed on %s', (kind) => {
  let db: TestDatabase
  let app: ReturnType<typeof createApp>
  let token: string
  const kpi = async (query: string) => {
    const res = await app.request(`/api/stats/kpi?${query}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    return (await res.json()) as { groups: KpiGroup[]; total: KpiFigures }
  }

  beforeAll(async () => {
    db = await openTestDatabase(kind)
    await seedDemo(db, { seed: 7, scale: SCALE, now: NOW, demoPassword: PASSWORD })
    app = createApp({ db, tokens: createTokenService(await loadSigningSecret(db)), log: pino({ level: 'silent' }) })
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password: PASSWORD }) })
    token = ((await login.json()) as { token: string }).token
  }, 300_000)
  afterAll(() => db?.dispose())

  it('reads the seed lifecycle totals for the city', async () => {
    const expected = lifecycleCounts(SCALE)
    const { total } = await kpi(`to=${encodeURIComponent(NOW.toISOString())}`)
    expect(total).toMatchObject({ total: expected.total, routed: expected.routed, closed: expected.closed,
      closureRate: Math.round((expected.closed / expected.routed) * 1000) / 1000, shelved: expected.byStatus.shelved,
      rejected: expected.byStatus.rejected, merged: expected.byStatus.merged, satisfactionCount: expected.byStatus.evaluated })
  })

  it('adds the counties up to the city and reads the seeded loop counters', async () => {
    const { groups, total } = await kpi(`groupBy=county&to=${encodeURIComponent(NOW.toISOString())}`)
    expect(groups).toHaveLength(7)
    for (const k of ['total', 'routed', 'closed', 'overdue', 'rework', 'returns', 'extensions', 'escalations', 'selfResolved'] as const) {
      expect(groups.reduce((n, g) => n + g[k], 0), k).toBe(total[k])
    }
    const { rows: [sums] } = await db.query<Record<string, number>>(`
      SELECT sum(rework_count)::int AS rework, sum(return_count)::int AS returns, sum(extension_count)::int AS extensions,
             sum(escalation_count)::int AS escalations, count(*) FILTER (WHERE step_due_at IS NOT NULL)::int AS step_due,
             count(*) FILTER (WHERE status IN ('closed', 'evaluated') AND verified_at = closed_at)::int AS verified_closed
        FROM incident`)
    expect(total).toMatchObject({ rework: sums.rework, returns: sums.returns, extensions: sums.extensions, escalations: sums.escalations })
    expect(Math.min(total.rework, total.returns, total.extensions, total.escalations)).toBeGreaterThan(0)
    expect(sums.step_due).toBeGreaterThan(0)
    expect(sums.verified_closed).toBe(total.closed)
    expect(total.onTimeRate).toBeGreaterThan(0.8)
    expect(total.closeHoursP90).toBeGreaterThan(total.closeHoursMean!)
  })
})
