// Database.listen on both engines, and the server engine's listener surviving a dropped connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from './test-database.ts'

const WAIT_MS = 5_000 // generous: a reconnect waits out its backoff first

/** Resolves with the next payloads once `count` have arrived (or rejects after WAIT_MS). */
function collector() {
  const got: string[] = []
  let wake = () => {}
  return {
    got,
    push: (p: string) => {
      got.push(p)
      wake()
    },
    async until(count: number) {
      const deadline = Date.now() + WAIT_MS
      while (got.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} notifications, got ${JSON.stringify(got)}`)
        await new Promise<void>((r) => {
          wake = r
          setTimeout(r, 50)
        })
      }
      return got
    },
  }
}

describe.each(TEST_ENGINES)('listening on %s', (kind) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await openTestDatabase(kind)
  })
  afterAll(() => db?.dispose())

  it('delivers committed notifications to every subscriber until it unsubscribes', async () => {
    const a = collector()
    const b = collector()
    const stopA = await db.listen('test_channel', a.push)
    const stopB = await db.listen('test_channel', b.push)
    await db.query(`SELECT pg_notify('test_channel', 'one')`)
    expect(await a.until(1)).toEqual(['one'])
    expect(await b.until(1)).toEqual(['one'])
    await stopA()
    await db.query(`SELECT pg_notify('test_channel', 'two')`)
    expect(await b.until(2)).toEqual(['one', 'two'])
    expect(a.got).toEqual(['one'])
    await stopB()
  })

  it('announces nothing from a rolled-back transaction', async () => {
    const c = collector()
    const stop = await db.listen('test_rollback', c.push)
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_notify('test_rollback', 'undone')`)
      throw new Error('roll back')
    }).catch(() => {})
    await db.query(`SELECT pg_notify('test_rollback', 'kept')`)
    expect(await c.until(1)).toEqual(['kept'])
    await stop()
  })
})

describe.runIf(TEST_ENGINES.includes('postgres'))('the server listener', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await openTestDatabase('postgres')
  })
  afterAll(() => db?.dispose())

  it('reconnects and listens again after its connection is killed', async () => {
    const c = collector()
    const stop = await db.listen('test_restart', c.push)
    const killed = await db.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
    )
    expect(killed.rows[0].n).toBe(1)
    const deadline = Date.now() + WAIT_MS
    while (c.got.length === 0 && Date.now() < deadline) {
      await db.query(`SELECT pg_notify('test_restart', 'after')`) // lost until the listener is back
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(c.got[0]).toBe('after')
    await stop()
  })
})
