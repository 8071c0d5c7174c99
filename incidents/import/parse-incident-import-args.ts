// Command-line options of `npm run import:incidents`: <file.csv|file.geojson> --crs ….
import type { SourceCrs } from '../../geodata/to-wgs84.ts'

export const INCIDENT_IMPORT_USAGE = // printed with every argument error
  'Usage: npm run import:incidents -- <file.csv|file.geojson> --crs WGS84|GCJ02|BD09|CGCS2000'

const CRSS: SourceCrs[] = ['WGS84', 'GCJ02', 'BD09', 'CGCS2000']

export function parseIncidentImportArgs(argv: string[]): { file: string; crs: SourceCrs } {
  let file: string | undefined
  let crs: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined]
    if (a === '--crs') {
      crs = inline ?? argv[++i]
      if (crs === undefined || crs.startsWith('--')) throw new Error('--crs needs a value.')
      crs = crs.toUpperCase().replace(/[-_]/g, '')
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}: the only option is --crs.`)
    else if (file === undefined) file = a
    else throw new Error(`One file at a time: got both ${file} and ${a}.`)
  }
  if (file === undefined) throw new Error('Give the file to import.')
  if (crs === undefined) throw new Error('Give --crs: the coordinates\' CRS is never guessed.')
  if (!(CRSS as string[]).includes(crs)) throw new Error(`Unknown --crs ${crs}: use WGS84, GCJ02, BD09 or CGCS2000.`)
  return { file, crs: crs as SourceCrs }
}
