// GeoJSON features as import records, each with the line its feature starts on.
import { describe, expect, it } from 'vitest'
import { featureStartLines, readGeojsonRecords } from './read-geojson-records.ts'

describe('reading GeoJSON records', () => {
  it('finds the line of each feature, past strings holding braces, brackets and escaped quotes', () => {
    const text = '{"type": "FeatureCollection",\n "bbox": [1, 2, 3, 4], "name": "a {[\\" features",\n "features": [\n' +
      '  {"type": "Feature", "properties": {"note": "}]"}, "geometry": null},\n\n' +
      '  {"type": "Feature",\n   "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}\n]}'
    expect(featureStartLines(text)).toEqual([4, 6])
  })

  it('takes the point as lon and lat, the feature id when the properties have none, and flags other geometry', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', id: 'f1', properties: { category: '0101' }, geometry: { type: 'Point', coordinates: [120.6, 31.9] } },
      { type: 'Feature', properties: { id: 'p2' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
    ] })
    expect(readGeojsonRecords(text)).toEqual([
      { line: 1, values: { category: '0101', id: 'f1', lon: 120.6, lat: 31.9 } },
      { line: 1, values: { id: 'p2', lon: undefined, lat: undefined, '(geometry)': 'LineString' } },
    ])
  })

  it('refuses a file that is not a FeatureCollection', () => {
    expect(() => readGeojsonRecords('{"type": "Feature"}')).toThrow('is not a GeoJSON FeatureCollection')
    expect(() => readGeojsonRecords('not json')).toThrow(/is not JSON/)
  })
})
