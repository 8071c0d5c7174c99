// Routing of the staged rows by routeIncident() itself, the rule the intake API uses, so there is
// one routing rule: the assignment of every row is read out (COPY TO), each is routed in
// JavaScript, and the proposals go back (COPY FROM) into import_routed for the final insert.
import type { Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { Assignment, AssignMethod } from '../assign-point.ts'
import { routeIncident, type CategoryForRouting } from '../route-incident.ts'
import type { WorkingCalendar } from '../working-calendar.ts'

const ROUTING_INPUTS = sqlFile(import.meta.url, 'routing-inputs.sql')
const COPY_ROUTED = sqlFile(import.meta.url, 'copy-routed.sql')
const LINES_PER_CHUNK = 5_000 // ~0.3 MB of COPY text per write

/** Routes every row of import_assigned into import_routed; `tick(n)` after each chunk of rows. */
export async function routeStaged(tx: Queryable, categories: ReadonlyMap<string, CategoryForRouting>, calendar: WorkingCalendar,
  tick: (n: number) => void): Promise<void> {
  const chunks: string[] = []
  let lines: string[] = []
  let rest = ''
  for await (const text of tx.copyTo(ROUTING_INPUTS)) {
    const parts = (rest + text).split('\n')
    rest = parts.pop()!
    for (const part of parts) {
      lines.push(routeLine(part, categories, calendar))
      if (lines.length === LINES_PER_CHUNK) {
        chunks.push(lines.join(''))
        tick(lines.length)
        lines = []
      }
    }
  }
  if (rest) throw new Error('The routing inputs ended inside a row.')
  chunks.push(lines.join(''))
  tick(lines.length)
  await tx.copyFrom(COPY_ROUTED, chunks)
}

/** One COPY text row in (see routing-inputs.sql), one out. */
function routeLine(line: string, categories: ReadonlyMap<string, CategoryForRouting>, calendar: WorkingCalendar): string {
  const [n, category, reportedMs, method, grid, station, county, exclusive] = line.split('\t').map(unescape)
  // routeIncident decides on codes, kinds and types; names and ids only label the proposal, and
  // the incident row keeps the assignee's kind and code alone, so they are left empty here.
  const a: Assignment = {
    method: method as AssignMethod,
    grid: grid === null ? null : { id: 0, code: grid, name: '', version: 0 },
    station: station === null ? null : { id: 0, code: station, name: '' },
    county: county === null ? null : { code: county, name: '' },
    village: null,
    town: null,
    exclusiveGrids: JSON.parse(exclusive!),
  }
  const r = routeIncident(categories.get(category!)!, a, new Date(Number(reportedMs)), calendar)
  return `${n}\t${r.handlingLevel}\t${escape(r.department.code)}\t${r.assignee ? `${r.assignee.kind}\t${escape(r.assignee.code)}` : '\\N\t\\N'}\t${r.dueAt}\n`
}

// COPY's text format: \N is NULL; backslash, tab and line breaks are backslash-escaped.
const ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' }

function unescape(field: string): string | null {
  if (field === '\\N') return null
  return field.includes('\\') ? field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : field
}

function escape(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
}
