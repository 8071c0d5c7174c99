// Files an Open311 service request as an incident: source 'hotline', WGS-84 (the spec's datum),
// reported now, by the API key's service account.
//
// Idempotency. GeoReport v2 has no idempotency key, so a plain POST makes a new request each time
// (random id), as the spec implies. A caller that retries sends the header
//   Idempotency-Key: <its own stable key for the request, e.g. the hotline's work-order number>
// and the incident id becomes UUIDv5(OPEN311_NAMESPACE, "<service account id>:<key>"): the same key
// and fields again replay the first answer (200, same service_request_id); the same key with other
// fields is a 409. The key is scoped to the service account, so two systems cannot collide, and it
// survives key rotation. The first post's reported time is reused on replays, since "now" differs.
import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database.ts'
import { createIncident, type IncidentReport, type IntakeResult } from '../incidents/create-incident.ts'
import { uuidV5 } from '../incidents/uuid-v5.ts'
import type { ApiKey } from '../accounts/api-keys.ts'
import type { ServiceRequestInput } from './read-service-request.ts'

export const OPEN311_NAMESPACE = '5c6b7f2e-8d0a-4a51-9f3e-31d0c1a9e7b4' // UUIDv5 namespace of ids made from Idempotency-Key
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/ // printable ASCII, as the IETF Idempotency-Key draft expects

export type Open311Report = IncidentReport & { open311: ServiceRequestInput['received'] }

export function validIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key)
}

export async function submitServiceRequest(
  db: Database,
  input: ServiceRequestInput,
  key: ApiKey,
  idempotencyKey?: string,
  now = new Date(),
): Promise<{ id: string; result: IntakeResult }> {
  const id = idempotencyKey ? uuidV5(OPEN311_NAMESPACE, `${key.user.id}:${idempotencyKey}`) : randomUUID()
  for (let attempt = 1; ; attempt++) {
    const first = idempotencyKey
      ? (await db.query<{ reported_at: Date | string }>('SELECT reported_at FROM incident WHERE id = $1', [id])).rows[0]
      : undefined
    const report: Open311Report = {
      id,
      category: input.serviceCode,
      description: input.description,
      location: { type: 'Point', coordinates: [input.long, input.lat] },
      crs: 'WGS84',
      reportedAt: new Date(first?.reported_at ?? now).toISOString(),
      source: 'hotline',
      address: input.address,
      open311: input.received,
    }
    const result = await createIncident(db, report, key)
    // A concurrent first post of the same key won the insert with its own "now": compare against that.
    if (result.outcome === 'conflict' && idempotencyKey && !first && attempt === 1) continue
    return { id, result }
  }
}
