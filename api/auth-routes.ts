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

const Login = z.object({
  username: safeText(64).pipe(z.string().min(1, 'is required')),
  password: safeText(256).pipe(z.string().min(1, 'is required')),
})

// A real scrypt hash of a random password: unknown usernames cost the same time as wrong passwords.
const DECOY_HASH = 'scrypt$16384$8$1$7mYqZtM6sVf0zW1wH0X8Ag==$3H0C0Wj1YHfYl4n1m4cNw7S7ZBqgkHc3DqZbXo6E3aM='

export function authRoutes({ db, tokens }: AppDeps, access: Access) {
  return new Hono<AppEnv>()
    .post('/login', access('public'), async (c) => {
      const { username, password } = await readJson(c, Login)
      const user = await findUser(db, { username: username.trim().toLowerCase() })
      const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH)
      if (!user || !ok) throw new HttpProblem('unauthenticated', 'Wrong username or password.')
      const { token, expiresAt } = await tokens.sign(user.id, user.role)
      const { passwordHash: _, stationCounties: __, ...profile } = user
      return c.json({ token, expiresAt: expiresAt.toISOString(), user: profile })
    })
    .get('/me', access('signed-in'), (c) => c.json({ user: c.get('user'), jurisdiction: c.get('jurisdiction') }))
}
