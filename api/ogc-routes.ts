// OGC API – Features, Part 1: Core, with GeoJSON (https://docs.ogc.org/is/17-069r4/17-069r4.html):
//   GET /ogc                                  landing page
//   GET /ogc/conformance                      the conformance classes answered
//   GET /ogc/api                              a short OpenAPI 3.0 description
//   GET /ogc/collections[/{id}]               admin_units, grids, exclusive_grids, stations, incidents
//   GET /ogc/collections/{id}/items[/{fid}]   bbox, limit, offset, datetime (incidents), property filters
// Public collections are open to anyone; incidents need a token and show the caller's jurisdiction.
// Coordinates are CRS84 (longitude, latitude on WGS-84), the default of the standard.
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { wholeNumber, zonedTime } from './request-values.ts'
import { OGC_COLLECTIONS, type OgcCollection } from '../ogc/ogc-collections.ts'
import { readItems } from '../ogc/read-items.ts'
import { sqlFile } from '../db/sql-file.ts'

const EXTENTS = sqlFile(new URL('../ogc/', import.meta.url).href, 'extents.sql')
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 10_000
const MAX_OFFSET = 1_000_000_000 // past every collection's end; bigger numbers overflow the database's OFFSET
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
const GEOJSON = 'application/geo+json'
const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
]
const PUBLIC = Object.values(OGC_COLLECTIONS).filter((c) => !c.scope).map((c) => c.id).join('|')
const SCOPED = Object.values(OGC_COLLECTIONS).filter((c) => c.scope).map((c) => c.id).join('|')

const number = z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'is a number').transform(Number)
const Paging = z.object({
  bbox: z.string().transform((s) => s.split(',')).pipe(z.tuple([number, number, number, number], { message: 'is four numbers: west,south,east,north' }))
    .refine(([w, s, e, n]) => w <= e && s <= n && w >= -180 && e <= 180 && s >= -90 && n <= 90, 'is west,south,east,north in CRS84 degrees')
    .optional(),
  'bbox-crs': z.literal(CRS84, { message: `is ${CRS84}, the only CRS served` }).optional(),
  limit: z.string().regex(/^\d+$/, 'is a whole number').transform(Number).pipe(z.number().min(1, 'is at least 1').max(MAX_LIMIT, `is at most ${MAX_LIMIT}`)).optional(),
  offset: wholeNumber(0, MAX_OFFSET).optional(),
  datetime: z.string().optional(),
  f: z.enum(['json', 'geojson'], { message: 'is json: only JSON is served' }).optional(),
})

function badQuery(issues: z.core.$ZodIssue[]): HttpProblem {
  const errors = issues.map((i) => ({ field: i.path.length ? String(i.path[0]) : '(query)', message: i.message }))
  return new HttpProblem('bad-request', `Fix these query parameters: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`, { errors })
}

/** RFC 3339 instant or interval ("a/b", "../b", "a/.."), as [start, end] bounds. */
function parseDatetime(value: string): [string | null, string | null] {
  const instant = (s: string) => {
    if (s === '..' || s === '') return null
    const t = zonedTime().safeParse(s)
    if (!t.success) throw badQuery([{ code: 'custom', path: ['datetime'], message: 'is an RFC 3339 time with a real zone offset in the years 1970 to 2099, or an interval start/end with .. for an open end', input: value }])
    return new Date(s).toISOString()
  }
  const parts = value.split('/')
  if (parts.length === 1) {
    const t = instant(parts[0])
    return [t, t]
  }
  if (parts.length !== 2) throw badQuery([{ code: 'custom', path: ['datetime'], message: 'is an instant or one interval start/end', input: value }])
  const [a, b] = parts.map(instant)
  if (a && b && a > b) throw badQuery([{ code: 'custom', path: ['datetime'], message: 'ends after it starts', input: value }])
  return [a, b]
}

export function ogcRoutes({ db }: AppDeps, access: Access) {
  const base = (c: Context) => `${new URL(c.req.url).origin}/ogc`
  const json = (c: Context, body: unknown, type = 'application/json') => c.body(JSON.stringify(body), 200, { 'content-type': type })

  async function extents(): Promise<Record<string, number[] | null>> {
    const { rows } = await db.query<{ id: string; bbox: string | null }>(EXTENTS)
    return Object.fromEntries(rows.map((r) => [r.id, r.bbox ? (r.bbox.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number) : null]))
  }

  function describe(c: Context, col: OgcCollection, bbox: number[] | null) {
    const url = `${base(c)}/collections/${col.id}`
    return {
      id: col.id,
      title: col.title,
      description: col.description,
      itemType: 'feature',
      crs: [CRS84],
      extent: {
        spatial: { bbox: [bbox ?? [-180, -90, 180, 90]], crs: CRS84 },
        ...(col.temporal ? { temporal: { interval: [[null, null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
      },
      links: [
        { href: url, rel: 'self', type: 'application/json', title: 'This collection' },
        { href: `${url}/items`, rel: 'items', type: GEOJSON, title: 'Its items' },
      ],
    }
  }

  async function items(c: Context<AppEnv>, col: OgcCollection) {
    const query = c.req.query()
    const paging = Paging.safeParse(query)
    if (!paging.success) throw badQuery(paging.error.issues)
    const filters = col.filters.safeParse(Object.fromEntries(Object.entries(query).filter(([k]) => !(k in Paging.shape))))
    if (!filters.success) throw badQuery(filters.error.issues)
    if (paging.data.datetime && !col.temporal) throw badQuery([{ code: 'custom', path: ['datetime'], message: `is not served by ${col.id}, whose items have no time`, input: '' }])
    const limit = paging.data.limit ?? DEFAULT_LIMIT
    const offset = paging.data.offset ?? 0
    const { matched, features } = await readItems(db, col, {
      bbox: paging.data.bbox,
      limit,
      offset,
      datetime: paging.data.datetime ? parseDatetime(paging.data.datetime) : undefined,
      filters: filters.data,
      jurisdiction: c.get('jurisdiction'),
    })
    const page = (o: number) => {
      const u = new URL(c.req.url)
      u.searchParams.set('offset', String(o))
      u.searchParams.set('limit', String(limit))
      return u.toString()
    }
    const links = [{ href: c.req.url, rel: 'self', type: GEOJSON, title: 'This page' }]
    if (offset + features.length < matched) links.push({ href: page(offset + limit), rel: 'next', type: GEOJSON, title: 'Next page' })
    if (offset > 0) links.push({ href: page(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON, title: 'Previous page' })
    links.push({ href: `${base(c)}/collections/${col.id}`, rel: 'collection', type: 'application/json', title: col.title })
    return json(c, {
      type: 'FeatureCollection',
      timeStamp: new Date().toISOString(),
      numberMatched: matched,
      numberReturned: features.length,
      features,
      links,
    }, GEOJSON)
  }

  async function item(c: Context<AppEnv>, col: OgcCollection) {
    const fid = c.req.param('fid')!
    const notFound = new HttpProblem('not-found', `No feature ${fid} in ${col.id}${col.scope ? ' within your jurisdiction' : ''}.`)
    if (!col.featureId.test(fid)) throw notFound
    const { features } = await readItems(db, col, { id: fid, limit: 1, offset: 0, filters: {}, jurisdiction: c.get('jurisdiction') })
    if (!features[0]) throw notFound
    const url = `${base(c)}/collections/${col.id}`
    return json(c, {
      ...features[0],
      links: [
        { href: `${url}/items/${encodeURIComponent(fid)}`, rel: 'self', type: GEOJSON, title: 'This feature' },
        { href: url, rel: 'collection', type: 'application/json', title: col.title },
      ],
    }, GEOJSON)
  }

  const collection = (c: Context) => OGC_COLLECTIONS[c.req.param('id')!]

  return new Hono<AppEnv>()
    .get('/', access('public'), (c) =>
      json(c, {
        title: 'wangge (网格) OGC API – Features',
        description: 'Admin units, grids, exclusive grids and police station jurisdictions (public), and incidents (signed in, within your jurisdiction), in GeoJSON with CRS84 coordinates.',
        links: [
          { href: base(c), rel: 'self', type: 'application/json', title: 'This document' },
          { href: `${base(c)}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'The API definition' },
          { href: `${base(c)}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
          { href: `${base(c)}/collections`, rel: 'data', type: 'application/json', title: 'Collections' },
        ],
      }))
    .get('/conformance', access('public'), (c) => json(c, { conformsTo: CONFORMANCE }))
    .get('/api', access('public'), (c) => json(c, openApi(base(c)), 'application/vnd.oai.openapi+json;version=3.0'))
    .get('/collections', access('public'), async (c) => {
      const ext = await extents()
      return json(c, {
        links: [{ href: `${base(c)}/collections`, rel: 'self', type: 'application/json', title: 'Collections' }],
        collections: Object.values(OGC_COLLECTIONS).map((col) => describe(c, col, ext[col.id])),
      })
    })
    .get(`/collections/:id{${PUBLIC}|${SCOPED}}`, access('public'), async (c) => json(c, describe(c, collection(c), (await extents())[collection(c).id])))
    .get(`/collections/:id{${PUBLIC}}/items`, access('public'), (c) => items(c, collection(c)))
    .get(`/collections/:id{${SCOPED}}/items`, access('signed-in'), (c) => items(c, collection(c)))
    .get(`/collections/:id{${PUBLIC}}/items/:fid`, access('public'), (c) => item(c, collection(c)))
    .get(`/collections/:id{${SCOPED}}/items/:fid`, access('signed-in'), (c) => item(c, collection(c)))
}

/** The smallest OpenAPI 3.0 document naming our paths and parameters. */
function openApi(base: string) {
  const param = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema })
  const ok = { 200: { description: 'OK' } }
  return {
    openapi: '3.0.3',
    info: { title: 'wangge OGC API – Features', version: '1.0.0' },
    servers: [{ url: base }],
    paths: {
      '/': { get: { summary: 'Landing page', responses: ok } },
      '/conformance': { get: { summary: 'Conformance classes', responses: ok } },
      '/collections': { get: { summary: 'Collections', responses: ok } },
      '/collections/{collectionId}': { get: { summary: 'A collection', parameters: [{ name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(OGC_COLLECTIONS) } }], responses: ok } },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Items of a collection',
          parameters: [
            { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(OGC_COLLECTIONS) } },
            param('bbox', 'west,south,east,north in CRS84', { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 }),
            param('limit', `page size, default ${DEFAULT_LIMIT}`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
            param('offset', 'items to skip', { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 }),
            param('datetime', 'incidents: RFC 3339 instant or interval'),
          ],
          responses: ok,
        },
      },
      '/collections/{collectionId}/items/{featureId}': { get: { summary: 'One item', parameters: [{ name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
    },
  }
}
