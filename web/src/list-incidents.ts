// Lists of incidents for the review queue and the supervision board: GET /api/incidents, within the
// user's jurisdiction (incidents/list-incidents.ts gives the fields). null: the role lists nothing.
import { api, ApiError } from './api-client.ts'

export interface ListedIncident {
  id: string
  status: string
  category: { code: string; name: string }
  description: string
  reportedAt: string
  handlingLevel: string | null
  dueAt: string | null
  stepDueAt: string | null
  light: 'green' | 'yellow' | 'red' | null // of the current step; null when the step has no deadline
  counts: { rework: number; returns: number; extensions: number; escalations: number }
}

/** `query`: the query string of GET /api/incidents. */
export async function listIncidents(query: string): Promise<ListedIncident[] | null> {
  try {
    return (await api<{ items: ListedIncident[] }>(`/api/incidents?${query}`)).items
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null
    throw err
  }
}
