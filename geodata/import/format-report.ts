// The import report as the CLI prints it: the counts, then one line per problem, each with what a
// person needs to find it in QGIS: kind, feature number, code, reason and a lon,lat to zoom to.
import type { ImportReport, Problem } from './import-report.ts'

const LOCATION_DIGITS = 6 // 0.1 m at Nantong's latitude: enough to zoom to the spot

export function formatReport(report: ImportReport, dryRun: boolean): string {
  const crs = report.crs ? `CRS ${report.crs}${report.projection ? ` (unprojected from ${report.projection})` : ''}` : 'CRS unresolved'
  const outcome = report.written ? 'written' : dryRun && report.problems.length === 0 ? 'dry run, nothing written' : 'nothing written'
  const lines = [
    `layer ${report.layer} · ${crs} · ${report.features} features`,
    `${report.inserted} new · ${report.updated} updated${report.layer.endsWith('grids') ? ' (new versions)' : ''} · ${outcome}`,
  ]
  if (report.problems.length > 0) {
    lines.push(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`)
    for (const p of report.problems) lines.push(`  ${formatProblem(p)}`)
  }
  return lines.join('\n')
}

export function formatProblem(p: Problem): string {
  return [
    p.kind,
    p.feature !== undefined ? `feature #${p.feature}` : undefined,
    p.code,
    p.reason,
    p.location ? `at ${p.location[0].toFixed(LOCATION_DIGITS)},${p.location[1].toFixed(LOCATION_DIGITS)}` : undefined,
  ].filter((part) => part !== undefined).join(' · ')
}
