// On a PostgreSQL server the API can run as the application role (DATABASE_ROLE=wangge_app): the
// migrations still run as the login user, and then the grant itself, not only the trigger, keeps
// the audit trail append-only.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_URL, openTestDatabase, TEST_ENGINES, type TestDatabase } from './test-database.ts'
import { openPgDatabase } from './open-pg-database.ts'
import type { Database } from './database.ts'

const QUIET = { error: () => {} }

describe.runIf(TEST_ENGINES.includes('postgres'))('the application role on the server', () => {
  let owner: TestDatabase
  let app: Database
  beforeAll(async () => {
    owner = await openTestDatabase('postgres')
    const url = new URL(ADMIN_URL)
    url.pathname = `/${(await owner.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db}`
    app = await openPgDatabase(url.toString(), QUIET, { role: 'wangge_app' })
    await owner.exec(`
      INSERT INTO department (code, name, name_en) VALUES ('d', '部门', 'dept');
      INSERT INTO category_class (code, name, name_en) VALUES ('01', '类', 'class');
      INSERT INTO category (code, class_code, name, name_en, department_code, priority, time_limit, time_limit_unit)
        VALUES ('0101', '01', '小类', 'minor', 'd', 3, 8, 'working_hours');`)
  })
  afterAll(async () => {
    await app?.close()
    await owner?.dispose()
  })

  it('connects as the role and does what the API does', async () => {
    expect((await app.query<{ who: string }>('SELECT current_user AS who')).rows[0].who).toBe('wangge_app')
    const id = randomUUID()
    await app.transaction(async (tx) => {
      await tx.query(`INSERT INTO incident (id, source, category_code, location, reported_at)
                      VALUES ($1, 'terminal', '0101', ST_SetSRID(ST_MakePoint(120.9, 32.0), 4326), now())`, [id])
      await tx.query(`INSERT INTO incident_event (incident_id, action) VALUES ($1, 'report')`, [id])
      await tx.query(`UPDATE incident SET status = 'accepted' WHERE id = $1`, [id])
    })
    expect((await app.query('SELECT * FROM incident_event_verify()')).rows).toEqual([])
  })

  it('is refused an UPDATE or DELETE of the audit trail by the grant', async () => {
    await expect(app.query(`UPDATE incident_event SET note = 'rewritten'`)).rejects.toMatchObject({ code: '42501' })
    await expect(app.query('DELETE FROM incident_event')).rejects.toMatchObject({ code: '42501' })
    await expect(app.exec('TRUNCATE incident_event CASCADE')).rejects.toMatchObject({ code: '42501' })
  })

  it('refuses a role name that is not a plain identifier', async () => {
    await expect(openPgDatabase(ADMIN_URL, QUIET, { role: 'x; DROP TABLE grid' })).rejects.toThrow(/plain role name/)
  })
})
