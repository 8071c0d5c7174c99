// The checks that need the database, run on the staged rows (import_row) inside the import's
// transaction: GEOS validity, parents that exist, and for basic grids the tiling of each village.
import type { Queryable } from '../../db/database.ts'
import { sqlFile } from '../../db/sql-file.ts'
import type { Layer, Problem } from './import-report.ts'

const MIN_OVERLAP_M2 = 0.01     // shared area below this is float noise along a shared edge
const MIN_GAP_M2 = 1            // uncovered slivers below this come from rounding, not drawing
const MIN_OUTSIDE_M2 = 1        // likewise for a grid poking out of its village
const MIN_SLIVER_WIDTH_M = 0.05 // narrower strips are millimetres of CRS-conversion noise on an edge

const INVALID_SQL = sqlFile(import.meta.url, 'find-invalid-geometry.sql')
const UNKNOWN_PARENTS_SQL = sqlFile(import.meta.url, 'find-unknown-parents.sql')
const STAGE_VILLAGE_GRIDS_SQL = sqlFile(import.meta.url, 'stage-village-grids.sql')
const OVERLAPS_SQL = sqlFile(import.meta.url, 'find-overlaps.sql')
const OUTSIDE_SQL = sqlFile(import.meta.url, 'find-outside-parent.sql')
const GAPS_SQL = sqlFile(import.meta.url, 'find-gaps.sql')

interface Located { lon: number; lat: number; area_m2: number }

export async function checkInDatabase(tx: Queryable, layer: Layer): Promise<Problem[]> {
  // Validity first and alone: overlay functions (intersection, union, difference) must never
  // see an invalid geometry, since a GEOS exception can hang the embedded engine.
  const invalid = await tx.query<{ feature: number; code: string; reason: string; lon: number; lat: number }>(INVALID_SQL)
  if (invalid.rows.length > 0) {
    return invalid.rows.map((r) => ({
      kind: 'invalid-geometry', feature: r.feature, code: r.code, reason: r.reason, location: [r.lon, r.lat],
    }))
  }

  const parents = await tx.query<{ feature: number; code: string; parent_code: string; parent_level: string }>(
    UNKNOWN_PARENTS_SQL, [layer])
  const where = layer === 'admin' ? 'in the database or the file' : 'in the database'
  const problems: Problem[] = parents.rows.map((r) => ({
    kind: 'unknown-parent', feature: r.feature, code: r.code, reason: `${r.parent_level} ${r.parent_code} is not ${where}`,
  }))
  if (layer !== 'grids') return problems

  await tx.exec(STAGE_VILLAGE_GRIDS_SQL)
  const overlaps = await tx.query<Located & { feature_a: number | null; code_a: string; feature_b: number | null; code_b: string }>(
    OVERLAPS_SQL, [MIN_OVERLAP_M2])
  for (const r of overlaps.rows) {
    const [feature, code, other, otherFeature] = r.feature_a !== null
      ? [r.feature_a, r.code_a, r.code_b, r.feature_b] : [r.feature_b!, r.code_b, r.code_a, r.feature_a]
    const otherWhere = otherFeature === null ? 'current grid' : `feature ${otherFeature}`
    problems.push({ kind: 'overlap', feature, code, reason: `overlaps ${other} (${otherWhere}) by ${m2(r.area_m2)}`, location: [r.lon, r.lat] })
  }
  const outside = await tx.query<Located & { feature: number; code: string; parent_code: string }>(
    OUTSIDE_SQL, [MIN_OUTSIDE_M2, MIN_SLIVER_WIDTH_M])
  for (const r of outside.rows) {
    problems.push({ kind: 'outside-parent', feature: r.feature, code: r.code,
      reason: `reaches ${m2(r.area_m2)} outside village ${r.parent_code}`, location: [r.lon, r.lat] })
  }
  const gaps = await tx.query<Located & { code: string }>(GAPS_SQL, [MIN_GAP_M2, MIN_SLIVER_WIDTH_M])
  for (const r of gaps.rows) {
    problems.push({ kind: 'gap', code: r.code,
      reason: `village ${r.code} has ${m2(r.area_m2)} covered by none of its basic grids`, location: [r.lon, r.lat] })
  }
  return problems
}

function m2(area: number): string {
  return `${area < 10 ? area.toFixed(2) : Math.round(area)} m²`
}
