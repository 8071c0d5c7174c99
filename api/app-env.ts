// What every route module receives and what the request context carries.
import type { Database } from '../db/database.ts'
import type { TokenService } from '../accounts/token-service.ts'
import type { AuthUser } from '../accounts/roles.ts'
import type { Jurisdiction } from '../accounts/jurisdiction.ts'
import type { Logger } from 'pino'

export interface AppDeps {
  db: Database
  tokens: TokenService
  log: Logger
  /** Built web app to serve at `/`; absent in API-only tests. */
  webRoot?: string
}

export interface AppEnv {
  Variables: {
    /** Set by the access middleware: how this route was declared. */
    access: string
    /** The signed-in user, or null on public routes. */
    user: AuthUser | null
    jurisdiction: Jurisdiction
  }
}
