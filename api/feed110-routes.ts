// The 110 alarm feed: POST /api/feeds/110 with {"alerts": [...]} from the 110 dispatch system. Each
// alert is filed as an incident (source '110') in its own transaction, so one bad alert does not hold
// back the others; the answer lists each alert's outcome. The incident id is UUIDv5 of the alert id,
// so a resent batch replays instead of duplicating, and the sender may resend a whole batch after any
// failure (a 5xx midway leaves the earlier alerts filed; resending replays them).
// Authenticated by an API key of client '110' in X-Api-Key. access() knows bearer tokens only, so
// the route is declared public and checks the key itself before reading the body.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem, PROBLEM_TYPES, type FieldError } from './problem.ts'
import { readJson } from './validate-request.ts'
import { safeText } from './safe-text.ts'
import { REPORT_FIELDS } from './report-fields.ts'
import { findApiKey } from '../accounts/api-keys.ts'
import { createIncident, type IncidentReport } from '../incidents/create-incident.ts'
import { uuidV5 } from '../incidents/uuid-v5.ts'

export const FEED110_NAMESPACE = 'b1f0d7a4-6c2e-4f8b-a3d5-9e0c7b2a4f61' // UUIDv5 namespace of incident ids made from 110 alert ids
const MAX_ALERTS = 500 // per batch: a busy minute of a city's 110 calls, well inside the 1 MB body limit

const Batch = z.object({
  alerts: z.array(z.unknown()).min(1, 'holds at least one alert').max(MAX_ALERTS, `holds at most ${MAX_ALERTS} alerts: split the batch`),
})
const AlertId = safeText(100).trim().min(1, 'is empty')
const Alert = z.object({
  alertId: AlertId, // the 110 system's own id of the alert
  ...REPORT_FIELDS,
})

export interface AlertResult {
  alertId: string | null
  id: string | null
  status: 'created' | 'replayed' | 'conflict' | 'invalid'
  problem?: { type: string; title: string; status: number; detail: string; errors?: FieldError[] }
}

function invalid(alertId: string | null, id: string | null, errors: FieldError[]): AlertResult {
  const detail = `Fix alert ${alertId ?? '(no alertId)'}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`
  return { alertId, id, status: 'invalid', problem: { type: '/problems/validation', ...PROBLEM_TYPES.validation, detail, errors } }
}

export function feed110Routes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().post('/110', access('public'), async (c) => {
    const text = c.req.header('x-api-key')
    if (!text) throw new HttpProblem('unauthenticated', 'Send the 110 feed\'s API key in the X-Api-Key header.')
    const key = await findApiKey(db, text)
    if (!key) throw new HttpProblem('unauthenticated', 'The X-Api-Key is not a valid key: check it, or ask for a new one.')
    if (key.client !== '110') throw new HttpProblem('forbidden', `This key is for the ${key.client} client, not the 110 feed.`)

    const { alerts } = await readJson(c, Batch)
    const results: AlertResult[] = []
    for (const raw of alerts) {
      const parsed = Alert.safeParse(raw)
      if (!parsed.success) {
        const claimed = AlertId.safeParse((raw as { alertId?: unknown } | null)?.alertId)
        const alertId = claimed.success ? claimed.data : null
        const errors = parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : '(alert)', message: i.message }))
        results.push(invalid(alertId, alertId === null ? null : uuidV5(FEED110_NAMESPACE, alertId), errors))
        continue
      }
      const { alertId, ...alert } = parsed.data
      const id = uuidV5(FEED110_NAMESPACE, alertId)
      const report: IncidentReport & { alertId: string } = { id, ...alert, source: '110', alertId }
      const result = await createIncident(db, report, key)
      if (result.outcome === 'invalid') {
        results.push(invalid(alertId, id, [{ field: result.field, message: result.message }]))
      } else if (result.outcome === 'conflict') {
        const detail = `Alert ${alertId} was filed before with different content: send a new alertId for a new alert.`
        results.push({ alertId, id, status: 'conflict', problem: { type: '/problems/conflict', ...PROBLEM_TYPES.conflict, detail } })
      } else {
        results.push({ alertId, id, status: result.outcome })
      }
    }
    return c.json(results)
  })
}
