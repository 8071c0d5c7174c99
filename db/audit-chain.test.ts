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

  it('computes the links itself for a row that brings its own hash outside a bulk load', async () => {
    const id = randomUUID()
    await db.query(`INSERT INTO incident (id, source, category_code, location, reported_at)
                    VALUES ($1, 'terminal', '0101', ST_SetSRID(ST_MakePoint(120.9, 32.0), 4326), now())`, [id])
    await db.query(`INSERT INTO incident_event (incident_id, action, prev_hash, hash) VALUES ($1, 'report', 'x', 'forged')`, [id])
    const { rows } = await db.query<{ prev_hash: string | null; hash: string }>('SELECT prev_hash, hash FROM incident_event WHERE incident_id = $1', [id])
    expect(rows[0].prev_hash).toBeNull()
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await verify()).rows).toEqual([])
  })

  it('takes a bulk load its hashes as given, and the verifier names a wrong one', async () => {
    const [good, bad] = [randomUUID(), randomUUID()]
    const ids = await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('wangge.bulk_load', 'on', true)")
      const made: number[] = []
      for (const [id, hash] of [[good, null], [bad, 'not the hash']] as const) {
        await tx.query(`INSERT INTO incident (id, source, category_code, location, reported_at)
                        VALUES ($1, 'terminal', '0101', ST_SetSRID(ST_MakePoint(120.9, 32.0), 4326), now())`, [id])
        // With the hash computed the way the import does it, the row is as good as the trigger's.
        const { rows } = await tx.query<{ id: number }>(`
          INSERT INTO incident_event (id, incident_id, at, action, prev_hash, hash) OVERRIDING SYSTEM VALUE
          SELECT e.id, e.incident_id, e.at, e.action, NULL, coalesce($2, incident_event_hash(NULL, e))
            FROM jsonb_populate_record(NULL::incident_event, jsonb_build_object(
                   'id', nextval(pg_get_serial_sequence('incident_event', 'id')), 'incident_id', $1::uuid, 'at', now(), 'action', 'import')) e
          RETURNING id`, [id, hash])
        made.push(rows[0].id)
      }
      return made
    })
    expect((await verify()).rows).toEqual([{ event_id: ids[1], problem: 'hash does not match the event' }])
  })

  it('names the tampered event when a superuser edits one behind the trigger', async () => {
    const { rows } = await db.query<{ id: number }>('SELECT id FROM incident_event WHERE incident_id = $1 ORDER BY id OFFSET 1 LIMIT 1', [incidents[1]])
    await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica') // superuser only: triggers off
      await tx.query(`UPDATE incident_event SET note = 'rewritten' WHERE id = $1`, [rows[0].id])
    })
    expect((await verify()).rows).toContainEqual({ event_id: rows[0].id, problem: 'hash does not match the event' })
  })
})
