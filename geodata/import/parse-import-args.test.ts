import { describe, expect, it } from 'vitest'
import { parseImportArgs } from './parse-import-args.ts'

describe('parseImportArgs', () => {
  it('reads the file, layer, CRS and dry-run flag in any order', () => {
    expect(parseImportArgs(['--dry-run', 'grids.zip', '--layer', 'grids', '--crs', 'gcj-02'])).toEqual(
      { path: 'grids.zip', layer: 'grids', crs: 'GCJ02', dryRun: true })
    expect(parseImportArgs(['a.kml', '--layer=stations'])).toEqual({ path: 'a.kml', layer: 'stations', dryRun: false })
  })

  it('rejects what it cannot use, saying what to give instead', () => {
    expect(() => parseImportArgs(['--layer', 'grids'])).toThrow('Give the file to import.')
    expect(() => parseImportArgs(['a.geojson'])).toThrow('Give --layer admin, grids, exclusive-grids or stations.')
    expect(() => parseImportArgs(['a.geojson', '--layer', 'grid'])).toThrow('Unknown --layer grid')
    expect(() => parseImportArgs(['a.geojson', '--layer', 'grids', '--crs', 'EPSG:4549'])).toThrow('Unknown --crs EPSG:4549')
    expect(() => parseImportArgs(['a.geojson', '--layer', 'grids', '--crs'])).toThrow('--crs needs a value.')
    expect(() => parseImportArgs(['a.geojson', 'b.geojson', '--layer', 'grids'])).toThrow('One file at a time')
    expect(() => parseImportArgs(['a.geojson', '--force'])).toThrow('Unknown option --force')
  })
})
