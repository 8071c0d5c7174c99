// Open311 clients parse errors in the GeoReport v2 shape, `[{"code":400,"description":"…"}]` with the
// same HTTP status, not problem+json. Handlers under /open311/v2 throw HttpProblem like every other
// route; this middleware rewrites the problem the app's onError made into the spec's shape. The spec
// has no 422: a field that fails validation is its "400 General service error".
import type { MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './app-env.ts'

const SPEC_STATUS: Record<number, number> = { 422: 400 } // problem status → the spec's code

export interface Open311Error {
  code: number
  description: string
}

export const open311Errors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (!(c.res.headers.get('content-type') ?? '').startsWith('application/problem+json')) return
  const problem = (await c.res.json()) as { status: number; detail: string }
  const code = SPEC_STATUS[problem.status] ?? problem.status
  const body: Open311Error[] = [{ code, description: problem.detail }]
  c.res = c.json(body, code as ContentfulStatusCode)
}
