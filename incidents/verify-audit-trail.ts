// GET /api/audit/verify: walks every incident's hash chain with incident_event_verify()
// (migrations/0003) and answers ok, or the first event whose links or hash do not match.
import type { Database } from '../db/database.ts'
import { withoutStatementLimit } from '../db/without-statement-limit.ts'

const FIRST_BAD = 'SELECT event_id, incident_id, problem FROM incident_event_verify() LIMIT 1'
const COUNT = 'SELECT count(*)::bigint AS events, count(DISTINCT incident_id)::bigint AS incidents FROM incident_event'

export type AuditVerdict =
  | { ok: true; events: number; incidents: number }
  | { ok: false; events: number; incidents: number; firstBad: { eventId: number; incidentId: string; problem: string } }

/** Seconds per million events: it runs without the API's statement limit. */
export async function verifyAuditTrail(db: Database): Promise<AuditVerdict> {
  const [bad, { events, incidents }] = await withoutStatementLimit(db, async (tx) => [
    (await tx.query<{ event_id: number; incident_id: string; problem: string }>(FIRST_BAD)).rows[0],
    (await tx.query<{ events: number; incidents: number }>(COUNT)).rows[0],
  ] as const)
  const totals = { events: Number(events), incidents: Number(incidents) }
  if (!bad) return { ok: true, ...totals }
  return { ok: false, ...totals, firstBad: { eventId: Number(bad.event_id), incidentId: bad.incident_id, problem: bad.problem } }
}
