// The live feed hub, one per app: it listens once on incident_changed and hands each announced
// incident to every open stream whose viewer may see it (incidents/can-see.ts). Viewers are kept
// in memory with the Jurisdiction they signed in with; each API copy has its own hub, and the
// database fans the NOTIFY out to every copy, so streams may land on any of them.
import type { Logger } from 'pino'
import type { Database } from '../db/database.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import { canSee, type IncidentChange } from '../incidents/can-see.ts'

export const INCIDENT_CHANNEL = 'incident_changed' // the channel of migrations/0006_incident_notify.sql

export interface LiveEvent {
  /** Increases by one per announcement in this process: ordering for the client, not a resume point. */
  seq: number
  change: IncidentChange
}

export interface Viewer {
  jurisdiction: Jurisdiction
  /** Must not block: the hub calls every viewer in turn. */
  send(event: LiveEvent): void
}

export interface LiveFeed {
  /** Resolves once the hub is listening (the first call subscribes); rejects when the database cannot. */
  start(): Promise<void>
  /** Adds a viewer; the returned function removes it. */
  add(viewer: Viewer): () => void
  /** Open streams. */
  readonly size: number
}

export function createLiveFeed(db: Pick<Database, 'listen'>, log: Pick<Logger, 'error'>): LiveFeed {
  const viewers = new Set<Viewer>()
  let listening: Promise<unknown> | undefined
  let seq = 0

  function dispatch(payload: string) {
    let change: IncidentChange
    try {
      change = JSON.parse(payload) as IncidentChange
    } catch {
      log.error({ payload: payload.slice(0, 200) }, 'unreadable incident_changed payload')
      return
    }
    const event = { seq: ++seq, change }
    for (const viewer of viewers) {
      if (!canSee(viewer.jurisdiction, change)) continue
      try {
        viewer.send(event)
      } catch (err) {
        log.error({ err: (err as Error).message }, 'live feed viewer failed')
      }
    }
  }

  return {
    async start() {
      listening ??= db.listen(INCIDENT_CHANNEL, dispatch).catch((err: unknown) => {
        listening = undefined // the next stream tries again
        throw err
      })
      await listening
    },
    add(viewer) {
      viewers.add(viewer)
      return () => void viewers.delete(viewer)
    },
    get size() {
      return viewers.size
    },
  }
}
