// LISTEN on the server engine. A pooled connection cannot listen (it is handed to other queries and
// recycled when idle), so each database handle keeps one dedicated pg.Client, opened on the first
// listen() and shared by every subscriber. When it drops (PostgreSQL restarted, network cut) it is
// re-dialled with exponential backoff and LISTENs again on every channel; notifications sent while
// it was down are lost, as they are for any LISTEN client.
import pg from 'pg'

const RECONNECT_MIN_MS = 250 // first retry: a restarting server usually accepts within a second
const RECONNECT_MAX_MS = 10_000 // backoff ceiling: keeps a long outage from hammering the server

export interface PgListener {
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

export function createPgListener(url: string, log: { error(obj: object, msg: string): void }): PgListener {
  const subscribers = new Map<string, Set<(payload: string) => void>>()
  let connecting: Promise<pg.Client> | undefined // the live client, or the dial in progress
  let client: pg.Client | undefined
  let retryMs = RECONNECT_MIN_MS
  let retryTimer: NodeJS.Timeout | undefined
  let closed = false

  const listenSql = (c: pg.Client, verb: 'LISTEN' | 'UNLISTEN', channel: string) =>
    c.query(`${verb} ${c.escapeIdentifier(channel)}`)

  async function dial(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, keepAlive: true }) // keepalive: notice a silently dead peer
    c.on('error', (err) => log.error({ err: err.message }, 'PostgreSQL LISTEN connection failed'))
    c.on('notification', (msg) => {
      for (const fn of subscribers.get(msg.channel) ?? []) {
        try {
          fn(msg.payload ?? '')
        } catch (err) {
          log.error({ err: (err as Error).message, channel: msg.channel }, 'LISTEN subscriber threw')
        }
      }
    })
    c.on('end', () => {
      if (client !== c) return
      client = connecting = undefined
      if (!closed && subscribers.size > 0) scheduleRedial()
    })
    try {
      await c.connect()
      for (const channel of subscribers.keys()) await listenSql(c, 'LISTEN', channel)
    } catch (err) {
      c.end().catch(() => {})
      throw err
    }
    if (closed) {
      await c.end().catch(() => {})
      throw new Error('The database handle was closed while listening.')
    }
    client = c
    retryMs = RECONNECT_MIN_MS
    return c
  }

  function connected(): Promise<pg.Client> {
    connecting ??= dial().catch((err) => {
      connecting = undefined
      throw err
    })
    return connecting
  }

  function scheduleRedial() {
    clearTimeout(retryTimer)
    retryTimer = setTimeout(() => {
      connected().catch((err: Error) => {
        log.error({ err: err.message, retryMs }, 'PostgreSQL LISTEN reconnect failed')
        retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS)
        if (!closed) scheduleRedial()
      })
    }, retryMs)
  }

  return {
    async listen(channel, onMessage) {
      if (closed) throw new Error('The database handle is closed.')
      const set = subscribers.get(channel) ?? new Set()
      const first = set.size === 0
      subscribers.set(channel, set.add(onMessage))
      try {
        const c = await connected()
        if (first) await listenSql(c, 'LISTEN', channel) // harmless when dial() just did it
      } catch (err) {
        set.delete(onMessage)
        if (set.size === 0) subscribers.delete(channel)
        throw err
      }
      return async () => {
        if (!set.delete(onMessage) || set.size > 0 || subscribers.get(channel) !== set) return
        subscribers.delete(channel)
        if (client) await listenSql(client, 'UNLISTEN', channel).catch(() => {}) // a dropped link unlistens by itself
      }
    },
    async close() {
      closed = true
      clearTimeout(retryTimer)
      subscribers.clear()
      const c = client ?? (await connecting?.catch(() => undefined))
      client = connecting = undefined
      await c?.end().catch(() => {})
    },
  }
}
