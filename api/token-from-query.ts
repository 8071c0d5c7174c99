// Map libraries and EventSource cannot always send headers: tiles and the live feed also take the
// token as `?token=`, copied into the Authorization header for access() to check as usual. Only a
// token's own characters are copied (a JWT is three base64url parts): anything else is ignored and
// the request is unauthenticated, a 401, never a header the runtime refuses to set. Query strings
// stay out of our request log (api/request-log.ts logs the path only), but a proxy in front may log
// them: that is why no other route accepts a token this way. A header, when present, wins.
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'
import { BEARER } from './access.ts'

const MAX_TOKEN = 8192 // characters: far above a JWT's, far below a header the runtime refuses

export const tokenFromQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = `Bearer ${c.req.query('token') ?? ''}` // what access() reads, checked by its own pattern
  if (header.length <= 'Bearer '.length + MAX_TOKEN && BEARER.test(header) && !c.req.header('authorization')) {
    c.req.raw.headers.set('authorization', header)
  }
  await next()
}
