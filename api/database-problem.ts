// Database errors that are not the server's fault: input PostgreSQL refused (a 4xx that says so)
// or a database that is unreachable for now (503). Everything else stays a logged 500.
import { HttpProblem } from './problem.ts'

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '57014', '53300']) // shutdown, cancel, too many connections
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

export function databaseProblem(err: unknown): HttpProblem | null {
  const code = (err as { code?: unknown })?.code
  const message = err instanceof Error ? err.message : ''
  if (typeof code !== 'string') {
    return /timeout exceeded when trying to connect|Connection terminated/i.test(message)
      ? new HttpProblem('service-unavailable', 'The database is not reachable right now; try again shortly.')
      : null
  }
  if (code.startsWith('22')) return new HttpProblem('validation', `The database refused a value: ${message}.`)
  if (code === '23505') return new HttpProblem('conflict', 'This conflicts with something stored meanwhile; read it again and retry.')
  if (code.startsWith('08') || UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code)) {
    return new HttpProblem('service-unavailable', 'The database is not reachable right now; try again shortly.')
  }
  return null
}
