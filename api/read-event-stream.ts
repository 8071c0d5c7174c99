// Test side of GET /api/events/stream: opens it over real HTTP and parses the Server-Sent Events
// as they arrive, the way a browser's EventSource would.

export interface StreamEvent {
  event: string
  id?: string
  data: string
  at: number // performance.now() when it arrived
}

export interface EventStream {
  events: StreamEvent[]
  /** The first event (already arrived or still to come) matching `match`, or an error after `timeoutMs`. */
  next(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>
  close(): void
}

const DEFAULT_TIMEOUT_MS = 5_000 // far above the 1 s promise: a failure shows as a clear miss

/** Resolves once the server has sent its first bytes, which it does after registering the viewer. */
export async function readEventStream(url: string): Promise<EventStream> {
  const abort = new AbortController()
  const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } })
  if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}: ${await res.text()}`)
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  const events: StreamEvent[] = []
  const waiters = new Set<() => void>()
  let buffer = ''

  const first = await reader.read()
  const take = (text: string) => {
    buffer += text
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const e: StreamEvent = { event: 'message', data: '', at: performance.now() }
      const data: string[] = []
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(': ')
        if (field === 'event') e.event = rest.join(': ')
        else if (field === 'id') e.id = rest.join(': ')
        else if (field === 'data') data.push(rest.join(': '))
      }
      if (data.length) events.push({ ...e, data: data.join('\n') })
    }
    for (const wake of waiters) wake()
  }
  if (first.value) take(first.value)
  void (async () => {
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) take(r.value)
    } catch {
      // closed by close()
    }
  })()

  return {
    events,
    next(match, timeoutMs = DEFAULT_TIMEOUT_MS) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(match)
          if (!hit) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(hit)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.data))}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    close: () => abort.abort(),
  }
}
