import { describe, expect, it } from 'vitest'
import { parseIncidentImportArgs } from './parse-incident-import-args.ts'

describe('the import:incidents command line', () => {
  it('takes a file, a CRS in any spelling, and --exclusive', () => {
    expect(parseIncidentImportArgs(['a.csv', '--crs', 'gcj-02'])).toEqual({ file: 'a.csv', crs: 'GCJ02', exclusive: false })
    expect(parseIncidentImportArgs(['--crs=WGS84', '--exclusive', 'a.geojson'])).toEqual({ file: 'a.geojson', crs: 'WGS84', exclusive: true })
  })

  it.each([
    [['a.csv'], /Give --crs/],
    [['--crs', 'WGS84'], /Give the file/],
    [['a.csv', '--crs', 'EPSG:4326'], /Unknown --crs/],
    [['a.csv', '--crs', 'WGS84', '--exclusive=yes'], /Unknown option --exclusive/],
    [['a.csv', 'b.csv', '--crs', 'WGS84'], /One file at a time/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseIncidentImportArgs(argv)).toThrow(message)
  })
})
