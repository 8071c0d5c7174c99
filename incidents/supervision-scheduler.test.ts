// The scheduler sweeps on its interval with the clock it is given, and stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../db/test-database.ts'
import { startSupervisionScheduler } from './supervision-scheduler.ts'

const quiet = { info: () => {}, error: (obj: object) => console.error(obj) }

describe.each(TEST_ENGINES)('the supervision scheduler on %s', (kind) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await openTestDatabase(kind)
  })
  afterAll(() => db?.dispose())

  it('sweeps every interval at the injected time, and not after stop()', async () => {
    const times: Date[] = []
    const clock = () => {
      const t = new Date('2026-12-07T01:00:00Z')
      times.push(t)
      return t
    }
    const scheduler = startSupervisionScheduler(db, quiet, { intervalMs: 20, now: clock })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await scheduler.runNow()).toEqual({ deadlinesSet: 0, escalated: 0 })
    await scheduler.stop()
    const swept = times.length
    expect(swept).toBeGreaterThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(times.length).toBe(swept)
  })
})
