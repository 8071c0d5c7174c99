// The audit trail (全程留痕): chained by the database, verifiable, and a tampered row is named.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from './test-database.ts'

describe.each(TEST_ENGINES)('the audit chain on %s', (kind) => {
  let db: TestDatabase
  const incidents = [randomUUID(), randomUUID()]
  const verify = () => db.query<{ event_id: number; problem: string }>('SELECT event_id, problem FROM incident_event_verify()')

  beforeAll(async () => {
    db = await openTestDatabase(kind)
    await db.exec(`
      INSERT INTO department (code, name, name_en) VALUES ('d', '部门', 'dept');
      INSERT INTO category_class (code, name, name_en) VALUES ('01', '类', 'class');
      INSERT INTO category (code, class_code, name, name_en, department_code, priority, time_limit, time_limit_unit)
        VALUES ('0101', '01', '小类', 'minor', 'd', 3, 8, 'working_hours');`)
    for (const id of incidents) {
      await db.query(`INSERT INTO incident (id, source, category_code, location, reported_at)
                      VALUES ($1, 'terminal', '0101', ST_SetSRID(ST_MakePoint(120.9, 32.0), 4326), now())`, [id])
      for (const action of ['report', 'accept', 'dispatch']) {
        await db.query(`INSERT INTO incident_event (incident_id, action, note, data) VALUES ($1, $2, 'a|b', '{"k": 1}')`, [id, action])
      }
    }
  })
  afterAll(() => db?.dispose())

  it('links each event to the one before it in its incident', async () => {
    const { rows } = await db.query<{ incident_id: string; prev_hash: string | null; hash: string }>(
      'SELECT incident_id, prev_hash, hash FROM incident_event ORDER BY incident_id, id')
    for (const id of incidents) {
      const chain = rows.filter((r) => r.incident_id === id)
      expect(chain[0].prev_hash).toBeNull()
      expect(chain[1].prev_hash).toBe(chain[0].hash)
      expect(chain[2].prev_hash).toBe(chain[1].hash)
    }
    expect((await verify()).rows).toEqual([])
  })

  it('names the tampered event when a superuser edits one behind the trigger', async () => {
    const { rows } = await db.query<{ id: number }>('SELECT id FROM incident_event WHERE incident_id = $1 ORDER BY id OFFSET 1 LIMIT 1', [incidents[1]])
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica') // superuser only: triggers off
      await tx.query(`UPDATE incident_event SET note = 'rewritten' WHERE id = $1`, [rows[0].id])
    })
    expect((await verify()).rows).toEqual([{ event_id: rows[0].id, problem: 'hash does not match the event' }])
  })
})
