// Failed sign-ins are counted per username and per client address; past the limit, sign-in is
// refused with 429 until the window has passed. Each API process counts on its own (a replica
// set multiplies the allowance by its size, which still stops guessing at scale).
const WINDOW_MS = 15 * 60_000 // how long a failure counts
const MAX_PER_USERNAME = 10 // failures for one account in a window
const MAX_PER_ADDRESS = 50 // failures from one address across accounts in a window
const MAX_KEYS = 100_000 // memory bound: the oldest entries go first

export interface LoginThrottle {
  /** Seconds to wait, or 0 when this attempt may go ahead. */
  retryAfter(username: string, address: string): number
  failed(username: string, address: string): void
  succeeded(username: string): void
}

export function createLoginThrottle(now: () => number = Date.now): LoginThrottle {
  const failures = new Map<string, number[]>()
  const recent = (key: string) => {
    const times = (failures.get(key) ?? []).filter((t) => t > now() - WINDOW_MS)
    if (times.length) failures.set(key, times)
    else failures.delete(key)
    return times
  }
  const wait = (times: number[], max: number) => (times.length >= max ? Math.ceil((times[times.length - max] + WINDOW_MS - now()) / 1000) : 0)
  const add = (key: string) => {
    if (failures.size >= MAX_KEYS) failures.delete(failures.keys().next().value!)
    failures.set(key, [...recent(key), now()])
  }
  return {
    retryAfter: (username, address) =>
      Math.max(wait(recent(`u:${username}`), MAX_PER_USERNAME), wait(recent(`a:${address}`), MAX_PER_ADDRESS)),
    failed(username, address) {
      add(`u:${username}`)
      add(`a:${address}`)
    },
    succeeded: (username) => void failures.delete(`u:${username}`),
  }
}
