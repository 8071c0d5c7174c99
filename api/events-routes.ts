// GET /api/events/stream: the live feed as Server-Sent Events. Each new or changed incident the
// caller's jurisdiction holds arrives as an `incident` event whose data is the small JSON of
// migrations/0006_incident_notify.sql; the map fetches anything more by id. Nothing is replayed
// after a reconnect: a client that was away re-reads the list it shows.
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import type { LiveFeed } from './live-feed.ts'
import { HttpProblem } from './problem.ts'
import { tokenFromQuery } from './token-from-query.ts' // EventSource sends no headers

const RETRY_MS = 3_000 // EventSource's reconnect delay after a drop
const HEARTBEAT_MS = 25_000 // a comment line under the 30–60 s idle cut-off of common proxies
const MAX_STREAM_MS = 10 * 60_000 // then closed: the browser reconnects by itself and passes access() again,
// so a deactivated account or an expired token loses the feed within this time
const MAX_BACKLOG = 1_000 // events queued for one client that does not read; it reconnects and re-reads

export function eventsRoutes(_deps: AppDeps, access: Access, feed: LiveFeed) {
  return new Hono<AppEnv>()
    .use('/stream', tokenFromQuery)
    .get('/stream', access('signed-in'), async (c) => {
      await feed.start().catch(() => {
        throw new HttpProblem('service-unavailable', 'The live feed cannot reach the database; try again shortly.')
      })
      const jurisdiction = c.get('jurisdiction')
      return streamSSE(c, async (stream) => {
        let expiry: NodeJS.Timeout | undefined
        const ended = new Promise<void>((resolve) => {
          stream.onAbort(resolve) // the client went away
          expiry = setTimeout(resolve, MAX_STREAM_MS)
        })
        let queue = Promise.resolve() // one write at a time, in order
        let backlog = 0
        const write = (text: () => Promise<unknown>) => {
          backlog++
          return (queue = queue.then(text).then(() => void backlog--, () => void backlog--))
        }
        const leave = feed.add({
          jurisdiction,
          send: ({ seq, change }) => {
            if (backlog >= MAX_BACKLOG) return stream.abort() // a stalled client: drop it rather than buffer without end
            void write(() => stream.writeSSE({ event: 'incident', id: String(seq), data: JSON.stringify(change) }))
          },
        })
        const heartbeat = setInterval(() => void write(() => stream.write(': heartbeat\n\n')), HEARTBEAT_MS)
        try {
          await write(() => stream.write(`retry: ${RETRY_MS}\n: listening\n\n`)) // first bytes: the viewer is in
          if (!stream.aborted) await ended
        } finally {
          clearInterval(heartbeat)
          clearTimeout(expiry)
          leave()
        }
      })
    })
}
