// Command-line options of `npm run import`: <file> --layer … [--crs …] [--dry-run].
import type { SourceCrs } from '../to-wgs84.ts'
import { LAYERS, type Layer } from './import-report.ts'
import { SOURCE_CRSS } from './resolve-crs.ts'

export const IMPORT_USAGE =  // printed with every argument error
  'Usage: npm run import -- <file.geojson|.json|.zip|.kml> --layer admin|grids|exclusive-grids|stations ' +
  '[--crs WGS84|GCJ02|BD09|CGCS2000] [--dry-run]'

export interface ImportArgs {
  path: string
  layer: Layer
  crs?: SourceCrs   // may be left out only for a zipped Shapefile with a .prj
  dryRun: boolean
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let path: string | undefined
  let layer: string | undefined
  let crs: string | undefined
  let dryRun = false
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value.`)
      return v
    }
    if (a === '--dry-run') dryRun = true
    else if (a === '--layer') layer = value()
    else if (a === '--crs') crs = value().toUpperCase().replace(/[-_]/g, '')
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}: use --layer, --crs or --dry-run.`)
    else if (path === undefined) path = a
    else throw new Error(`One file at a time: got both ${path} and ${a}.`)
  }
  if (path === undefined) throw new Error('Give the file to import.')
  if (layer === undefined) throw new Error('Give --layer admin, grids, exclusive-grids or stations.')
  if (!(LAYERS as string[]).includes(layer)) throw new Error(`Unknown --layer ${layer}: use admin, grids, exclusive-grids or stations.`)
  if (crs !== undefined && !(SOURCE_CRSS as string[]).includes(crs)) {
    throw new Error(`Unknown --crs ${crs}: use WGS84, GCJ02, BD09 or CGCS2000.`)
  }
  return { path, layer: layer as Layer, ...(crs !== undefined && { crs: crs as SourceCrs }), dryRun }
}
