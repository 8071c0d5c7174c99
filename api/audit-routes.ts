// The audit trail (全程留痕): GET /api/audit/verify walks every hash chain (admin only).
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { verifyAuditTrail } from '../incidents/verify-audit-trail.ts'

export function auditRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/verify', access(['admin']), async (c) => c.json(await verifyAuditTrail(db)))
}
