// Open-loop load: requests start on a fixed schedule whether or not earlier ones have finished, and
// each latency counts from the scheduled start, so a stall shows in the tail instead of slowing the
// load down (no coordinated omission).
const START_DELAY_MS = 50 // lets the first timers be scheduled before the clock starts

export interface LoadResult {
  latenciesMs: number[] // of the requests that succeeded
  failed: number
  seconds: number // from the first scheduled start to the last answer
}

export async function driveOpenLoop(rate: number, seconds: number, send: (i: number) => Promise<void>): Promise<LoadResult> {
  const total = Math.round(rate * seconds)
  const latenciesMs: number[] = []
  let failed = 0
  const t0 = performance.now() + START_DELAY_MS
  const running: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    running.push(send(i).then(() => void latenciesMs.push(performance.now() - due), () => void failed++))
  }
  await Promise.all(running)
  return { latenciesMs, failed, seconds: (performance.now() - t0) / 1000 }
}

export function summarize(ms: number[]): { mean: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  return { mean: ms.reduce((s, x) => s + x, 0) / Math.max(ms.length, 1), p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? NaN }
}
