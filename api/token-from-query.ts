// Map libraries and EventSource cannot always send headers: tiles and the live feed also take the
// token as `?token=`, copied into the Authorization header for access() to check as usual. Only a
// token's own characters are copied (a JWT is three base64url parts): anything else is ignored and
// the request is unauthenticated, a 401, never a header the runtime refuses to set. Query strings
// stay out of our request log (api/request-log.ts logs the path only), but a proxy in front may log
// them: that is why no other route accepts a token this way. A header, when present, wins.
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

const TOKEN = /^[A-Za-z0-9_.-]{1,8192}$/

export const tokenFromQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.req.query('token')
  if (token && TOKEN.test(token) && !c.req.header('authorization')) c.req.raw.headers.set('authorization', `Bearer ${token}`)
  await next()
}
