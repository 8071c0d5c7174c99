// Decides the CRS of a file's coordinates from --crs and the Shapefile's .prj, and never guesses:
// no --crs and no .prj is an error, and so is a --crs that contradicts the .prj. A projected .prj
// (e.g. CGCS2000 / 3-degree Gauss-Kruger) is unprojected to lon/lat with proj4 before the
// datum conversion to WGS-84.
import proj4 from 'proj4'
import type { Position } from 'geojson'
import { positionToWgs84, type SourceCrs } from '../to-wgs84.ts'

export const SOURCE_CRSS: readonly SourceCrs[] = ['WGS84', 'GCJ02', 'BD09', 'CGCS2000'] // --crs values

const DATUMS: [RegExp, SourceCrs][] = [  // normalized .prj datum names → the CRS they mean
  [/wgs1984|wgs84/, 'WGS84'],
  [/china2000|cgcs2000|chinageodeticcoordinatesystem2000/, 'CGCS2000'],
]

export interface ResolvedCrs {
  crs: SourceCrs
  projection?: string                 // the projected CRS's name when coordinates were unprojected
  toWgs84: (p: Position) => Position  // one source position → [lon, lat] in WGS-84
}

export type CrsResolution = ResolvedCrs | { error: string }

export function resolveCrs(flag: SourceCrs | undefined, prj: string | undefined): CrsResolution {
  if (flag !== undefined && !SOURCE_CRSS.includes(flag)) {
    return { error: `Unknown --crs ${flag}: use WGS84, GCJ02, BD09 or CGCS2000.` }
  }
  if (prj === undefined) {
    if (flag === undefined) {
      return { error: 'The file does not say its CRS (no .prj): give --crs WGS84, GCJ02, BD09 or CGCS2000.' }
    }
    return { crs: flag, toWgs84: (p) => positionToWgs84(p, flag) }
  }
  const fromPrj = readPrj(prj)
  if ('error' in fromPrj) return fromPrj
  if (flag !== undefined && flag !== fromPrj.crs) {
    return {
      error: `--crs ${flag} disagrees with the .prj, which says ${fromPrj.crs}: drop --crs, ` +
        `or remove the .prj from the zip if the data really is ${flag}.`,
    }
  }
  return fromPrj
}

function readPrj(wkt: string): CrsResolution {
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1]
  if (!datum) return { error: 'The .prj names no DATUM: replace it with a WGS 84 or CGCS2000 one, or give --crs without a .prj.' }
  const normalized = datum.toLowerCase().replace(/[^a-z0-9]/g, '')
  const crs = DATUMS.find(([re]) => re.test(normalized))?.[1]
  if (!crs) {
    // Beijing 1954 and Xian 1980 need seven-parameter transformations no .prj carries.
    return { error: `The .prj datum "${datum}" is not supported: reproject the file to CGCS2000 or WGS 84 first.` }
  }
  const geographic = (p: Position) => positionToWgs84(p, crs)
  if (!/^\s*(PROJCS|PROJCRS|PROJECTEDCRS)\s*\[/i.test(wkt)) return { crs, toWgs84: geographic }

  const projection = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? 'projected CRS'
  let unproject: (p: Position) => Position
  try {
    // proj4's inverse goes to lon/lat on the .prj's own ellipsoid; GRS80 (CGCS2000) and WGS 84
    // differ by a fraction of a millimetre there, and no datum shift is applied between them.
    const converter = proj4(wkt)
    unproject = (p) => converter.inverse([p[0], p[1]])
  } catch (err) {
    return { error: `The .prj projection "${projection}" cannot be read: ${(err as Error).message}` }
  }
  return { crs, projection, toWgs84: (p) => geographic(unproject(p)) }
}
