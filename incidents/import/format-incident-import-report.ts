// The import report as the CLI prints it: the counts, then one line per problem with the line
// number, the field and the reason, so each can be found and fixed in the file.
import type { IncidentImportReport } from './import-incidents.ts'

export function formatIncidentImportReport(r: IncidentImportReport): string {
  const lines = [
    `${r.file} · ${r.format} · CRS ${r.crs} · ${r.rows.toLocaleString('en')} row${r.rows === 1 ? '' : 's'}`,
    r.written
      ? `${r.inserted.toLocaleString('en')} imported · ${r.skipped.toLocaleString('en')} skipped (id exists already)`
      : 'nothing written',
  ]
  if (r.problemCount > 0) {
    lines.push(`${r.problemCount.toLocaleString('en')} problem${r.problemCount === 1 ? '' : 's'}${r.problemCount > r.problems.length ? ` (the first ${r.problems.length} listed)` : ''}:`)
    for (const p of r.problems) lines.push(`  line ${p.line} · ${p.field} · ${p.reason}`)
  }
  return lines.join('\n')
}
