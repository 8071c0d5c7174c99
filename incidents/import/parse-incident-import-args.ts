// Command-line options of `npm run import:incidents`: <file.csv|file.geojson> --crs … [--exclusive].
import type { SourceCrs } from '../../geodata/to-wgs84.ts'

export const INCIDENT_IMPORT_USAGE = // printed with every argument error
  'Usage: npm run import:incidents -- <file.csv|file.geojson> --crs WGS84|GCJ02|BD09|CGCS2000 [--exclusive]\n' +
  '  --exclusive  lock the incident tables for the import and build their indexes once at the end:\n' +
  '               several times faster for a large file, but nobody can read or report incidents until it commits'

const CRSS: SourceCrs[] = ['WGS84', 'GCJ02', 'BD09', 'CGCS2000']

export function parseIncidentImportArgs(argv: string[]): { file: string; crs: SourceCrs; exclusive: boolean } {
  let file: string | undefined
  let exclusive = false
  let crs: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    if (a === '--crs') {
      crs = inline ?? argv[++i]
      if (crs === undefined || crs.startsWith('--')) throw new Error('--crs needs a value.')
      crs = crs.toUpperCase().replace(/[-_]/g, '')
    } else if (a === '--exclusive' && inline === undefined) exclusive = true
    else if (a.startsWith('--')) throw new Error(`Unknown option ${a}: the options are --crs and --exclusive.`)
    else if (file === undefined) file = a
    else throw new Error(`One file at a time: got both ${file} and ${a}.`)
  }
  if (file === undefined) throw new Error('Give the file to import.')
  if (crs === undefined) throw new Error('Give --crs: the coordinates\' CRS is never guessed.')
  if (!(CRSS as string[]).includes(crs)) throw new Error(`Unknown --crs ${crs}: use WGS84, GCJ02, BD09 or CGCS2000.`)
  return { file, crs: crs as SourceCrs, exclusive }
}
