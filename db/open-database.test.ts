import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../migrations/migrate.ts'
import { ADMIN_URL, adminQuery, openTestDatabase, TEST_ENGINES, type TestDatabase } from './test-database.ts'
import { openPgDatabase } from './open-pg-database.ts'
import { withoutStatementLimit } from './without-statement-limit.ts'

describe.each(TEST_ENGINES)('the %s engine', (kind) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await openTestDatabase(kind)
  })
  afterAll(() => db?.dispose())

  it('applies every migration and records it', async () => {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY version')
    expect(rows.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name))
  })

  it('treats a second migration run as a no-op', async () => {
    expect(await migrate(db.transaction)).toEqual([])
  })

  it('refuses a migration that was edited after it was applied', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m))
    await expect(migrate(db.transaction, edited)).rejects.toThrow(/was changed after it was applied/)
  })

  it('reports a PostGIS of 3.3 or newer', () => {
    expect(db.postgisVersion).toMatch(/^3\.([3-9]|\d\d)\./)
    expect(db.capabilities.mvt).toBe(kind === 'postgres')
  })

  it('returns counts and numerics as numbers', async () => {
    const { rows } = await db.query<{ n: number; x: number }>('SELECT count(*) AS n, 1.5::numeric AS x FROM admin_unit')
    expect(rows[0]).toEqual({ n: 0, x: 1.5 })
  })

  it('rolls a failed transaction back whole', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO department (code, name, name_en) VALUES ('t1', '测试', 'test')`)
        await tx.query('SELECT 1/0')
      }),
    ).rejects.toThrow()
    const { rows } = await db.query(`SELECT 1 FROM department WHERE code = 't1'`)
    expect(rows).toEqual([])
  })

  it('refuses to update or delete audit rows', async () => {
    await expect(db.query('DELETE FROM incident_event')).rejects.toThrow(/append-only/)
  })

  it.runIf(kind === 'postgres')('prepares a parameterised statement once, except one planned per call', async () => {
    const prepared = await db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) {
        await tx.query('SELECT count(*) FROM department WHERE code > $1 /* kept */', [String(i)])
        await tx.query('-- plan per call: its best plan depends on $1\nSELECT count(*) FROM department WHERE code > $1 /* unnamed */', [String(i)])
      }
      return (await tx.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%department WHERE code > $1%'`)).rows
    })
    expect(prepared.map((p) => p.statement)).toEqual(['SELECT count(*) FROM department WHERE code > $1 /* kept */'])
  })

  it('keeps its data across a restart', async () => {
    await db.query(`INSERT INTO department (code, name, name_en) VALUES ('kept', '保留', 'kept')`)
    await db.close()
    const again = await db.reopen()
    try {
      const { rows } = await again.query<{ name: string }>(`SELECT name FROM department WHERE code = 'kept'`)
      expect(rows).toEqual([{ name: '保留' }])
    } finally {
      await again.close()
    }
  })

  it.runIf(kind === 'postgres')('cancels a statement that runs past the handle limit, except where maintenance lifts it for itself', async () => {
    const name = `wangge_test_limit_${process.pid}`
    await adminQuery(`CREATE DATABASE ${name}`)
    const url = new URL(ADMIN_URL)
    url.pathname = `/${name}`
    const limited = await openPgDatabase(url.toString(), { error() {} }, { statementTimeoutMs: 200 }) // migrated without the limit
    try {
      await expect(limited.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' })
      await withoutStatementLimit(limited, (tx) => tx.query('SELECT pg_sleep(0.4)')) // maintenance lifts it for itself
      await expect(limited.query('SELECT pg_sleep(0.4)')).rejects.toMatchObject({ code: '57014' }) // and only for itself
      expect((await limited.query<{ n: number }>('SELECT count(*) AS n FROM schema_migration')).rows[0].n).toBeGreaterThan(10)
    } finally {
      await limited.close()
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    }
  })
})
