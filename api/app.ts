// The HTTP application: middleware, then one sub-app per resource, then the web app. Built from
// its dependencies so that tests call app.request() without a port.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppDeps, AppEnv } from './app-env.ts'
import { createAccess, denyUndeclared, undeclaredRoutes } from './access.ts'
import { databaseProblem } from './database-problem.ts'
import { HttpProblem, problemResponse } from './problem.ts'
import { requestLog } from './request-log.ts'
import { healthRoutes } from './health-routes.ts'
import { authRoutes } from './auth-routes.ts'
import { adminUnitRoutes } from './admin-unit-routes.ts'
import { userRoutes } from './user-routes.ts'
import { statsRoutes } from './stats-routes.ts'
import { incidentRoutes } from './incident-routes.ts'
import { open311Routes } from './open311-routes.ts'
import { feed110Routes } from './feed110-routes.ts'
import { eventsRoutes } from './events-routes.ts'
import { tileRoutes } from './tile-routes.ts'
import { ogcRoutes } from './ogc-routes.ts'
import { incidentHeatRoutes } from './incident-heat-routes.ts'
import { searchRoutes } from './search-routes.ts'
import { gridRoutes } from './grid-routes.ts'
import { auditRoutes } from './audit-routes.ts'
import { supervisionRoutes } from './supervision-routes.ts'
import { createLiveFeed, type LiveFeed } from './live-feed.ts'

const MAX_BODY_BYTES = 1024 * 1024 // 1 MB for JSON; photo uploads get their own limit
const PHOTO_UPLOAD = /^\/api\/incidents\/[^/]+\/photos$/ // limited in incident-routes.ts
const SERVICE_PREFIXES = ['/api', '/tiles', '/ogc', '/open311'] // everything else is the web app

/** `liveFeed`: one hub per app, listening on the database; passed in only by tests that watch it. */
export function createApp(deps: AppDeps, liveFeed: LiveFeed = createLiveFeed(deps.db, deps.log)) {
  const access = createAccess(deps)
  const app = new Hono<AppEnv>()

  // Cross-cutting: request id, one log line per request, body size, the default-deny net.
  app.use(requestId())
  app.use(requestLog(deps.log))
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpProblem('payload-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`)
    },
  })
  app.use((c, next) => (PHOTO_UPLOAD.test(c.req.path) ? next() : jsonLimit(c, next))) // photos carry their own limit
  app.use('/api/*', denyUndeclared((route) => deps.log.error({ route }, 'route without access declaration')))

  // Resources.
  app.route('/api', healthRoutes(deps, access))
  app.route('/api/auth', authRoutes(deps, access))
  app.route('/api/admin-units', adminUnitRoutes(deps, access))
  app.route('/api/users', userRoutes(deps, access))
  app.route('/api/stats', statsRoutes(deps, access))
  app.route('/api/incidents/heat', incidentHeatRoutes(deps, access)) // map desk heat counts (before /api/incidents/:id)
  app.route('/api/incidents', incidentRoutes(deps, access))
  app.route('/api/feeds', feed110Routes(deps, access)) // the 110 feed (API key)
  app.route('/open311/v2', open311Routes(deps, access)) // Open311 GeoReport v2 for the 12345 hotline (API key)
  app.route('/api/events', eventsRoutes(deps, access, liveFeed)) // live feed (SSE)
  app.route('/tiles', tileRoutes(deps, access)) // vector tiles, TileJSON, the MapLibre style
  app.route('/ogc', ogcRoutes(deps, access)) // OGC API – Features (GDAL, QGIS)
  app.route('/api/audit', auditRoutes(deps, access)) // audit trail verification (admin)
  app.route('/api/supervision', supervisionRoutes(deps, access)) // overdue queue (督办) and sweep on demand
  app.route('/api/search', searchRoutes(deps, access)) // map desk: find a place by name or code
  app.route('/api/grids', gridRoutes(deps, access)) // map desk: a grid's team and open events

  // Unknown service paths are 404 problems, never the web app's index.html.
  for (const prefix of SERVICE_PREFIXES) app.all(`${prefix}/*`, access('public'), (c) => c.notFound())

  // The built web app (single-page: unknown non-API paths fall back to index.html).
  if (deps.webRoot) {
    const root = deps.webRoot
    app.get('/*', access('public'), serveStatic({ root }))
    app.get('/*', access('public'), serveStatic({ root, path: 'index.html' }))
  }

  app.notFound((c) => problemResponse(c, new HttpProblem('not-found', `Nothing at ${c.req.method} ${c.req.path}.`)))
  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problemResponse(c, err)
    const known = databaseProblem(err)
    if (known) {
      deps.log.warn({ err: err.message, path: c.req.path }, 'database refused the request')
      return problemResponse(c, known)
    }
    deps.log.error({ err: { message: err.message, stack: err.stack }, path: c.req.path }, 'unhandled error')
    return problemResponse(c, new HttpProblem('internal', 'Something went wrong on the server; it has been logged.'))
  })

  const undeclared = undeclaredRoutes(app)
  if (undeclared.length) throw new Error(`Routes without an access declaration: ${undeclared.join(', ')}.`)
  return app
}
