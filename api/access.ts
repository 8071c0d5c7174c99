// Default deny. Every route declares who may call it with access(...) placed before its handler:
//   app.get('/x', access('public'), …)          anyone
//   app.get('/x', access('signed-in'), …)       any valid token
//   app.get('/x', access(['admin']), …)         these roles only (others: 403)
// The middleware authenticates the bearer token, loads the user fresh (a deactivated user is out at
// once), and puts the user and their Jurisdiction on the context for the scoped queries. Requests of
// one user that arrive while their user is being read share the next read (db/fresh-read.ts): a map
// loading thirty tiles at once costs two reads, and none sees the account older than its request.
// Forgetting the declaration is caught twice: undeclaredRoutes() (run by a test over the whole app)
// and denyUndeclared, which replaces any response of a route that ran without a declaration.
import type { Hono, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Role } from '../accounts/roles.ts'
import { findUser } from '../accounts/find-user.ts'
import { createFreshRead } from '../db/fresh-read.ts'
import { jurisdictionOf } from '../accounts/jurisdiction.ts'
import { HttpProblem, problemResponse } from './problem.ts'

export type AccessRule = 'public' | 'signed-in' | readonly Role[]
export type Access = (rule: AccessRule) => MiddlewareHandler<AppEnv>

const DECLARATION = Symbol('access declaration')
export const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/ // a JWT's three base64url parts

export function createAccess({ db, tokens }: Pick<AppDeps, 'db' | 'tokens'>): Access {
  const readUser = createFreshRead((id: number) => findUser(db, { id }))
  return (rule) => {
    const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
      c.set('access', typeof rule === 'string' ? rule : rule.join(','))
      if (rule === 'public') {
        c.set('user', null)
        c.set('jurisdiction', { kind: 'none', codes: [], areaPrefixes: [] }) // a scoped query here finds nothing
        return next()
      }
      const header = c.req.header('authorization')
      if (!header) throw new HttpProblem('unauthenticated', 'Sign in first: send "Authorization: Bearer <token>" from POST /api/auth/login.')
      const match = BEARER.exec(header)
      const userId = match ? await tokens.verify(match[1]) : null
      if (userId === null) throw new HttpProblem('unauthenticated', 'The token is invalid or expired: sign in again.')
      const user = await readUser(userId)
      if (!user) throw new HttpProblem('unauthenticated', 'This account no longer exists or was deactivated.')
      if (rule !== 'signed-in' && !rule.includes(user.role)) {
        throw new HttpProblem('forbidden', `This needs one of the roles ${rule.join(', ')}; you are signed in as ${user.role}.`)
      }
      const { passwordHash: _, stationCounties, ...authUser } = user
      c.set('user', authUser)
      c.set('jurisdiction', jurisdictionOf(authUser, stationCounties))
      return next()
    }
    Object.defineProperty(middleware, DECLARATION, { value: rule })
    return middleware
  }
}

/** Runtime net: a route that answered without passing an access() middleware is turned into a 500. */
export const denyUndeclared =
  (onUndeclared: (route: string) => void): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
  await next()
  if (c.get('access') === undefined && c.res.status < 400) {
    const route = `${c.req.method} ${c.req.routePath}`
    c.res = problemResponse(c, new HttpProblem('internal', 'This route is not available.')) // discard its answer
    onUndeclared(route)
  }
}

/** Every METHOD path whose handlers include no access() middleware. */
export function undeclaredRoutes(app: Hono<any>): string[] {
  const byRoute = new Map<string, boolean>()
  for (const r of app.routes) {
    if (r.method === 'ALL') continue // app.use() middleware, not an endpoint
    const key = `${r.method} ${r.path}`
    byRoute.set(key, (byRoute.get(key) ?? false) || DECLARATION in r.handler)
  }
  return [...byRoute].filter(([, declared]) => !declared).map(([key]) => key)
}
