// Lists of incidents for the review queue and the supervision board, from the closed loop's API.
// The answer's list is read from whichever field holds it; null means the endpoint is missing.
import { api, ApiError } from './api-client.ts'

export interface ListedIncident {
  id: string
  status: string
  description?: string
  category?: { code: string; name: string } | string
  categoryName?: string
  reportedAt: string
  dueAt?: string | null
  stepDueAt?: string | null
  handlingLevel?: string | null
  escalationCount?: number
  light?: 'red' | 'yellow' | 'green'
  location?: { coordinates: [number, number] } | [number, number]
  assignment?: { town?: { name: string } | null; village?: { name: string } | null; grid?: { name: string } | null }
  [k: string]: unknown
}

const pick = (body: unknown): ListedIncident[] => {
  if (Array.isArray(body)) return body
  const b = body as Record<string, unknown>
  for (const k of ['items', 'incidents', 'results', 'data', 'rows', 'features']) if (Array.isArray(b[k])) return b[k] as ListedIncident[]
  return []
}

/** GET the first path that answers; null when none exists (the panel then says so). */
export async function listIncidents(paths: string[]): Promise<ListedIncident[] | null> {
  for (const path of paths) {
    try {
      return pick(await api<unknown>(path))
    } catch (err) {
      if (!(err instanceof ApiError) || ![400, 403, 404].includes(err.status)) throw err
    }
  }
  return null
}

export const categoryLabel = (i: ListedIncident) =>
  typeof i.category === 'string' ? i.category : i.category?.name ?? i.categoryName ?? ''
