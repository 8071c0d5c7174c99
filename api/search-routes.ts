// GET /api/search?q=: find a town, village, grid, exclusive grid or station by name or code, to fly
// the map there. Within the caller's area: what the caller may not see is not found.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from './app-env.ts'
import type { Access } from './access.ts'
import { readQuery } from './validate-request.ts'
import { safeText } from './safe-text.ts'
import { wholeNumber } from './request-values.ts'
import { scopePredicate } from '../accounts/jurisdiction.ts'
import { sqlFile } from '../db/sql-file.ts'

const SEARCH = sqlFile(import.meta.url, 'search.sql')
const DEFAULT_LIMIT = 20 // a dropdown's worth

const Query = z.object({
  q: safeText(50).transform((s) => s.trim()).pipe(z.string().min(1, 'is the text to look for (a name or a code)')),
  limit: wholeNumber(1, 50).default(DEFAULT_LIMIT),
})

/** LIKE treats % and _ as wildcards: a search for them means the characters themselves. */
const literal = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`)

export interface SearchHit {
  kind: 'city' | 'county' | 'town' | 'village' | 'grid' | 'exclusive_grid' | 'station'
  code: string
  name: string
  bbox: [number, number, number, number]
}

export function searchRoutes({ db }: AppDeps, access: Access) {
  return new Hono<AppEnv>().get('/', access('signed-in'), async (c) => {
    const { q, limit } = readQuery(c, Query)
    const j = c.get('jurisdiction')
    const params: unknown[] = [`%${literal(q)}%`, `${literal(q)}%`, limit, q]
    const sql = SEARCH.replaceAll('{{UNITS}}', () => scopePredicate(j, { area: 'a.code' }, params, true))
      .replaceAll('{{GRIDS}}', () => scopePredicate(j, { area: 'g.village_code' }, params, true))
    const { rows } = await db.query<SearchHit>(sql, params)
    return c.json({ q, results: rows })
  })
}
