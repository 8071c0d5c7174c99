// Vector tiles, TileJSON and the MapLibre style (tiles/):
//   GET /tiles/{layer}/{z}/{x}/{y}.mvt   admin, grids, exclusive_grids, stations: anyone;
//                                         incidents, units: signed in, scoped to the caller
//   GET /tiles/{layer}.json              TileJSON 3.0.0
//   GET /tiles/style.json                the style of all layers (no internet needed)
// A tile answers 200 with MVT, or 204 when empty; its ETag answers If-None-Match with 304.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readQuery } from './validate-request.ts'
import { tokenFromQuery } from './token-from-query.ts'
import { zonedTime } from './request-values.ts'
import { TILE_LAYERS, type TileLayer } from '../tiles/tile-layers.ts'
import { createTileService, type TileService } from '../tiles/tile-service.ts'
import { tileJson, WORLD, type Bounds } from '../tiles/tile-json.ts'
import { mapStyle } from '../tiles/map-style.ts'
import { basemapFromEnv, type Basemap } from '../tiles/basemap.ts'
import { sqlFile } from '../db/sql-file.ts'

const DATA_BOUNDS = sqlFile(new URL('../tiles/', import.meta.url).href, 'data-bounds.sql')
const MAX_ZOOM = 22 // deepest tile served; the TileJSON maxzoom (16) lets clients overzoom instead
const MVT = 'application/vnd.mapbox-vector-tile'
const STATUSES = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'] as const

const PUBLIC = Object.values(TILE_LAYERS).filter((l) => !l.scope).map((l) => l.name).join('|')
const SCOPED = Object.values(TILE_LAYERS).filter((l) => l.scope).map((l) => l.name).join('|')

const integer = (field: string) => z.string().regex(/^\d+$/, `${field} is a whole number`).transform(Number)
const TileAddress = z.object({ z: integer('z'), x: integer('x'), y: integer('y') })
  .refine((t) => t.z <= MAX_ZOOM, { message: `is at most ${MAX_ZOOM}`, path: ['z'] })
  .refine((t) => t.x < 2 ** t.z, { message: 'is below 2^z', path: ['x'] })
  .refine((t) => t.y < 2 ** t.z, { message: 'is below 2^z', path: ['y'] })

const commaList = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
const IncidentFilters = z.object({
  from: zonedTime('is an ISO 8601 time with a zone, e.g. 2026-11-01T00:00:00+08:00').optional(),
  to: zonedTime('is an ISO 8601 time with a zone, e.g. 2026-12-01T00:00:00+08:00').optional(),
  category: commaList.pipe(z.array(z.string().regex(/^\d{2}(\d{2})?$/, 'holds class (2 digits) or category (4 digits) codes')).min(1).max(100)).optional(),
  status: commaList.pipe(z.array(z.enum(STATUSES)).min(1).max(100)).optional(),
}).refine((q) => !q.from || !q.to || new Date(q.to) > new Date(q.from), { message: 'is after from', path: ['to'] })

function tileAddress(c: Context<AppEnv>) {
  const parsed = TileAddress.safeParse({ z: c.req.param('z'), x: c.req.param('x'), y: c.req.param('y')!.replace(/\.mvt$/, '') })
  if (parsed.success) return parsed.data
  const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'tile'), message: i.message }))
  throw new HttpProblem('bad-request', `Fix the tile address: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`, { errors })
}

/** incidents' filters as the SQL parameters $4.. and a canonical cache key. */
function incidentFilters(c: Context<AppEnv>): { extra: unknown[]; filterKey: string } {
  const q = readQuery(c, IncidentFilters)
  const extra = [
    q.from ? new Date(q.from).toISOString() : null,
    q.to ? new Date(q.to).toISOString() : null,
    q.category ? [...new Set(q.category)].sort().map((code) => (code.length === 2 ? `${code}%` : code)) : null,
    q.status ? [...new Set(q.status)].sort() : null,
  ]
  return { extra, filterKey: JSON.stringify(extra) }
}

async function serveTile(c: Context<AppEnv>, service: TileService, layer: TileLayer) {
  const address = tileAddress(c)
  const filters = layer.name === 'incidents' ? incidentFilters(c) : { extra: [], filterKey: '' }
  const tile = await service.tile(layer, { ...address, ...filters, jurisdiction: layer.scope ? c.get('jurisdiction') : undefined })
  const headers: Record<string, string> = { etag: tile.etag, 'cache-control': layer.cacheControl }
  if (layer.scope) headers.vary = 'Authorization'
  const match = c.req.header('if-none-match')
  if (match && match.split(',').some((m) => m.trim().replace(/^W\//, '') === tile.etag)) return c.body(null, 304, headers)
  if (!tile.bytes.length) return c.body(null, 204, headers)
  return c.body(tile.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-type': MVT })
}

export function tileRoutes({ db }: AppDeps, access: Access, opts: { service?: TileService; basemap?: Basemap | null } = {}) {
  const service = opts.service ?? createTileService(db)
  const basemap = opts.basemap === undefined ? basemapFromEnv(process.env) : opts.basemap
  const baseUrl = (c: Context) => new URL(c.req.url).origin
  const bounds = async (): Promise<Bounds> => {
    const { rows } = await db.query<{ west: number | null; south: number; east: number; north: number }>(DATA_BOUNDS)
    const b = rows[0]
    return b?.west == null ? WORLD : [b.west, b.south, b.east, b.north].map((v) => Math.round(v * 1e6) / 1e6) as Bounds
  }

  return new Hono<AppEnv>()
    .get(`/:layer{${PUBLIC}}/:z/:x/:y{[^/]+\\.mvt}`, access('public'), (c) => serveTile(c, service, TILE_LAYERS[c.req.param('layer')]))
    .use(`/:layer{${SCOPED}}/*`, tokenFromQuery)
    .get(`/:layer{${SCOPED}}/:z/:x/:y{[^/]+\\.mvt}`, access('signed-in'), (c) => serveTile(c, service, TILE_LAYERS[c.req.param('layer')]))
    .get('/:file{[a-z_]+\\.json}', access('public'), async (c) => {
      const name = c.req.param('file').replace(/\.json$/, '')
      if (name === 'style') return c.json(mapStyle(baseUrl(c), await bounds(), basemap), 200, { 'cache-control': 'public, max-age=300' })
      const layer = TILE_LAYERS[name]
      if (!layer) throw new HttpProblem('not-found', `No tile layer "${name}": the layers are ${Object.keys(TILE_LAYERS).join(', ')}.`)
      return c.json(tileJson(layer, baseUrl(c), await bounds()), 200, { 'cache-control': 'public, max-age=300' })
    })
}
