// A read whose answer is never older than the call, shared by the callers that wait together.
// A caller that arrives while a read of its key is running cannot take that read's answer (it may
// predate a commit the caller has seen), so it waits for the next read of the key, which every
// caller that arrived meanwhile shares. Under load a key is read at most twice at a time, however
// many requests ask for it; when quiet, each call is one read.
export type FreshRead<K, V> = (key: K) => Promise<V>

export function createFreshRead<K, V>(load: (key: K) => Promise<V>): FreshRead<K, V> {
  const running = new Map<K, Promise<V>>()
  const queued = new Map<K, Promise<V>>()
  function read(key: K): Promise<V> {
    const current = running.get(key)
    if (!current) {
      const started = load(key).finally(() => running.delete(key))
      running.set(key, started)
      return started
    }
    let next = queued.get(key)
    if (!next) {
      next = current.catch(() => undefined).then(() => {
        queued.delete(key)
        return read(key)
      })
      queued.set(key, next)
    }
    return next
  }
  return read
}
