// One step of the closed loop from the desk: POST /api/incidents/{id}/actions with the fields the
// action needs, asked for in a prompt only where the server requires them (a reason, a duplicate).
import { STRINGS } from './strings.ts'
import { state } from './state.ts'
import { api, ApiError } from './api-client.ts'
import { showNotice } from './show-notice.ts'

const NEEDS_REASON = new Set(['reject', 'return', 'refuse-extension', 'reopen', 'shelve', 'reassign'])
const NEEDS_FEEDBACK = new Set(['handle', 'self-resolve'])

export async function runAction(incident: { id: string; nearby?: { id: string }[] }, action: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  const t = STRINGS[state.lang]
  const body: Record<string, unknown> = { action, ...extra }
  if (NEEDS_REASON.has(action) && !body.reason) {
    const reason = prompt(t.reasonPrompt)
    if (!reason) return false
    body.reason = reason
    if (action === 'shelve') body.approvedBy = state.user?.displayName ?? ''
    if (action === 'reassign') body.to = { kind: 'grid' }
  }
  if (NEEDS_FEEDBACK.has(action) && !body.feedback) {
    const feedback = prompt(t.reasonPrompt)
    if (!feedback) return false
    body.feedback = feedback
  }
  if (action === 'merge' && !body.into) {
    const into = incident.nearby?.[0]?.id
    if (!into) return false
    body.into = into
  }
  if (action === 'verify' && !body.result) body.result = 'pass'
  if (action === 'evaluate' && !body.satisfaction) body.satisfaction = 5
  try {
    await api(`/api/incidents/${incident.id}/actions`, { method: 'POST', body: JSON.stringify(body) })
    return true
  } catch (err) {
    showNotice(`${t.error}: ${(err as ApiError).detail ?? err}`)
    return false
  }
}
