// Where and what the benchmarks report: points drawn uniformly in the bounding box of a random
// current basic grid (so most land inside a grid and some on edges or just outside, as real
// reports do), a random category, a time in the last year.
import { writeFileSync } from 'node:fs'
import type { Queryable } from '../db/database.ts'
import { seededRandom, type SeededRandom } from '../geodata/seeded-random.ts'

const YEAR_MS = 365 * 86_400_000
const ROWS_PER_WRITE = 50_000 // CSV lines joined per string before they are written
const STATUSES = ['closed', 'closed', 'closed', 'evaluated', 'reported', 'handled'] // mostly closed: historical data

export interface Places {
  boxes: { x0: number; y0: number; x1: number; y1: number }[]
  categories: string[]
}

export async function loadPlaces(db: Queryable): Promise<Places> {
  const boxes = (await db.query<Places['boxes'][number]>(
    `SELECT ST_XMin(geom) AS x0, ST_YMin(geom) AS y0, ST_XMax(geom) AS x1, ST_YMax(geom) AS y1
       FROM grid WHERE kind = 'basic' AND valid_to IS NULL ORDER BY code`)).rows
  const categories = (await db.query<{ code: string }>('SELECT code FROM category ORDER BY code')).rows.map((r) => r.code)
  return { boxes, categories }
}

export function randomReport(p: Places, r: SeededRandom, now: number) {
  const b = r.pick(p.boxes)
  const lon = Math.round(r.range(b.x0, b.x1) * 1e6) / 1e6
  const lat = Math.round(r.range(b.y0, b.y1) * 1e6) / 1e6
  return { category: r.pick(p.categories), lon, lat, reportedAt: new Date(now - r.range(60_000, YEAR_MS)).toISOString() }
}

/** A CSV of `rows` historical incidents without ids (the importer derives them). */
export function writeIncidentCsv(file: string, rows: number, p: Places, seed: number): void {
  const r = seededRandom(seed)
  const now = Date.now()
  const parts = ['category,description,lon,lat,reported_at,source,status,closed_at\n']
  let lines: string[] = []
  for (let i = 0; i < rows; i++) {
    const x = randomReport(p, r, now)
    const status = r.pick(STATUSES)
    const closed = status === 'closed' || status === 'evaluated' ? new Date(Date.parse(x.reportedAt) + 3_600_000).toISOString() : ''
    lines.push(`${x.category},历史事件 ${seed}-${i},${x.lon},${x.lat},${x.reportedAt},terminal,${status},${closed}\n`)
    if (lines.length === ROWS_PER_WRITE) {
      parts.push(lines.join(''))
      lines = []
    }
  }
  parts.push(lines.join(''))
  writeFileSync(file, parts.join(''))
}
