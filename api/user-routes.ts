// Sign-in accounts, for administrators.
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'

export function userRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/', access(['admin']), async (c) => {
    const { rows } = await db.query(
      `SELECT id, username, display_name AS "displayName", role, scope_kind AS "scopeKind",
              scope_codes AS "scopeCodes", demo, active
         FROM app_user ORDER BY username`,
    )
    return c.json({ users: rows })
  })
}
