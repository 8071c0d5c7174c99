// Admin units (city → county → town → village) as GeoJSON, limited to the caller's area: a unit
// outside it is "not found", never "forbidden", so its existence is not revealed.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { HttpProblem } from './problem.ts'
import { readQuery } from './validate-request.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import { sqlFile } from '../db/sql-file.ts'
import type { Queryable } from '../db/database.ts'

const ADMIN_UNITS = sqlFile(import.meta.url, 'admin-units.sql')
const CODE = z.string().regex(/^\d{12}$/, 'is a 12-digit statistical code')
const ListQuery = z.object({ parent: CODE.optional(), level: z.enum(['city', 'county', 'town', 'village']).optional() })

interface Row {
  code: string
  parent_code: string | null
  level: string
  name: string
  kind: string | null
  synthetic: boolean
  geometry: object | null
}

function selectUnits(db: Queryable, j: Jurisdiction, f: { code?: string; parent?: string; level?: string; geometry: boolean }) {
  const params: unknown[] = [f.code ?? null, f.parent ?? null, f.level ?? null, f.geometry]
  const sql = ADMIN_UNITS.replace('{{scope}}', scopePredicate(j, { area: 'a.code' }, params, true))
  return db.query<Row>(sql, params)
}

const toFeature = ({ geometry, ...p }: Row) => ({
  type: 'Feature' as const,
  id: p.code,
  geometry,
  properties: { code: p.code, parentCode: p.parent_code, level: p.level, name: p.name, kind: p.kind, synthetic: p.synthetic },
})

export function adminUnitRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>()
    .get('/', access('signed-in'), async (c) => {
      const q = readQuery(c, ListQuery)
      const { rows } = await selectUnits(db, c.get('jurisdiction'), { ...q, geometry: false })
      return c.json({ type: 'FeatureCollection', features: rows.map(toFeature) })
    })
    .get('/:code', access('signed-in'), async (c) => {
      const code = CODE.safeParse(c.req.param('code'))
      if (!code.success) throw new HttpProblem('bad-request', 'The admin-unit code must be 12 digits.')
      const { rows } = await selectUnits(db, c.get('jurisdiction'), { code: code.data, geometry: true })
      if (!rows[0]) throw new HttpProblem('not-found', `No admin unit ${code.data} in your jurisdiction.`)
      return c.json(toFeature(rows[0]), 200, { 'content-type': 'application/geo+json' })
    })
}
