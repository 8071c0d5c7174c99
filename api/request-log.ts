// One structured line per request. Only method, path (no query string), status, duration and who:
// never headers or bodies, so tokens and passwords stay out of the logs.
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'
import type { AppEnv } from './app-env.ts'

export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now()
    await next()
    log.info(
      {
        id: c.get('requestId' as never),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
        user: c.get('user')?.username,
      },
      'request',
    )
  }
}
