// What an import found and did. The same report is printed by the CLI and returned to callers,
// so every problem carries enough to find it in the source file: which feature, which code, why,
// and where on the map.
import type { SourceCrs } from '../to-wgs84.ts'

export type Layer = 'admin' | 'grids' | 'exclusive-grids' | 'stations'

export const LAYERS: readonly Layer[] = ['admin', 'grids', 'exclusive-grids', 'stations'] // --layer values

export type ProblemKind =
  | 'crs'              // no CRS, or --crs and the .prj disagree, or an unsupported .prj
  | 'invalid-geometry' // wrong type, bad coordinates, unclosed ring, self-intersection, …
  | 'missing-field'    // a required attribute is absent or empty
  | 'invalid-field'    // an attribute has a value the schema does not accept
  | 'invalid-code'     // a code of the wrong shape for its layer
  | 'duplicate-code'   // the same code twice in the file, or a code taken by another kind
  | 'unknown-parent'   // parent / village / county code neither in the database nor in the file
  | 'overlap'          // two basic grids of one village overlap
  | 'gap'              // part of a village is covered by none of its basic grids
  | 'outside-parent'   // a basic grid reaches outside its village

export interface Problem {
  kind: ProblemKind
  feature?: number               // 0-based position in the file (GeoJSON features[], shapefile FID)
  code?: string                  // the feature's code, or the village's for a gap
  reason: string
  location?: [number, number]    // [lon, lat] in WGS-84
}

export interface ImportReport {
  layer: Layer
  crs: SourceCrs | null          // null when it could not be resolved
  projection?: string            // name of the projected CRS that was unprojected, if any
  features: number
  inserted: number               // new codes (would be, for a dry run)
  updated: number                // existing codes: updated in place, or a new grid version
  problems: Problem[]
  written: boolean
}
