// Sign-in and the signed-in user.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { readJson } from './validate-request.ts'
import { safeText } from './safe-text.ts'
import { HttpProblem } from './problem.ts'
import { findUser } from '../accounts/find-user.ts'
import { verifyPassword } from '../accounts/hash-password.ts'
import { createLoginThrottle, type LoginThrottle } from './login-throttle.ts'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The peer address; under app.request() in tests there is none. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

const Login = z.object({
  username: safeText(64).pipe(z.string().min(1, 'is required')),
  password: safeText(256).pipe(z.string().min(1, 'is required')),
})

// A real scrypt hash of a random password: unknown usernames cost the same time as wrong passwords.
const DECOY_HASH = 'scrypt$16384$8$1$7mYqZtM6sVf0zW1wH0X8Ag==$3H0C0Wj1YHfYl4n1m4cNw7S7ZBqgkHc3DqZbXo6E3aM='

export function authRoutes({ db, tokens }: AppDeps, access: Access, throttle: LoginThrottle = createLoginThrottle()) {
  return new Hono<AppEnv>()
    .post('/login', access('public'), async (c) => {
      const { username: given, password } = await readJson(c, Login)
      const username = given.trim().toLowerCase()
      const address = clientAddress(c)
      const wait = throttle.retryAfter(username, address)
      if (wait > 0) {
        c.header('retry-after', String(wait))
        throw new HttpProblem('too-many-requests', `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes.`)
      }
      const user = await findUser(db, { username })
      const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH)
      if (!user || !ok) {
        throttle.failed(username, address)
        throw new HttpProblem('unauthenticated', 'Wrong username or password.')
      }
      throttle.succeeded(username)
      const { token, expiresAt } = await tokens.sign(user.id, user.role)
      const { passwordHash: _, stationCounties: __, ...profile } = user
      return c.json({ token, expiresAt: expiresAt.toISOString(), user: profile })
    })
    .get('/me', access('signed-in'), (c) => c.json({ user: c.get('user'), jurisdiction: c.get('jurisdiction') }))
}
