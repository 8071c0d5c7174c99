// The supervision clock in the server: a sweep (run-supervision.ts) every interval, never two at
// once in one process; stop() waits for the sweep in progress. The clock is injectable for tests.
import type { Database } from '../db/database.ts'
import { runSupervision, type SupervisionRun } from './run-supervision.ts'

const DEFAULT_INTERVAL_MS = 60_000 // deadlines are minutes apart at the finest (urgent classes)

export interface SchedulerLog {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface SupervisionScheduler {
  /** Runs a sweep now (or waits for the one in progress) and resolves to its result. */
  runNow(): Promise<SupervisionRun>
  stop(): Promise<void>
}

export function startSupervisionScheduler(
  db: Database,
  log: SchedulerLog,
  { intervalMs = DEFAULT_INTERVAL_MS, now = () => new Date() }: { intervalMs?: number; now?: () => Date } = {},
): SupervisionScheduler {
  let running: Promise<SupervisionRun> | null = null
  let stopped = false
  const sweep = () => {
    running ??= runSupervision(db, now()).finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(() => {
    if (stopped) return
    sweep().then(
      (r) => (r.deadlinesSet || r.escalated) && log.info(r, 'supervision sweep'),
      (err: Error) => log.error({ err: err.message }, 'supervision sweep failed'),
    )
  }, intervalMs)
  timer.unref() // never keeps the process alive on its own
  return {
    runNow: sweep,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running?.catch(() => {})
    },
  }
}
