// Incident records of a GeoJSON FeatureCollection of Points: the feature's properties, its id
// (feature.id when the properties have none) and its coordinates as lon and lat. JSON.parse keeps
// no positions, so the line each feature starts on is found by a scan of the text that tracks
// strings and nesting and notes every object that opens directly inside the top-level "features".
import type { SourceRecord } from './check-incident-record.ts'

export class GeojsonShapeError extends Error {}

export function readGeojsonRecords(text: string): SourceRecord[] {
  let doc: { type?: unknown; features?: unknown }
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new GeojsonShapeError(`is not JSON: ${(err as Error).message}`)
  }
  if (doc?.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new GeojsonShapeError('is not a GeoJSON FeatureCollection')
  }
  const lines = featureStartLines(text)
  return doc.features.map((f: { id?: unknown; geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> | null }, i) => {
    const values: Record<string, unknown> = { ...(f?.properties ?? {}) }
    if (values.id === undefined && f?.id !== undefined) values.id = f.id
    const g = f?.geometry
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
      values.lon = g.coordinates[0]
      values.lat = g.coordinates[1]
    } else {
      values.lon = values.lat = undefined
      values['(geometry)'] = g?.type ?? null // checked as its own field: a Point is required
    }
    return { line: lines[i] ?? 1, values }
  })
}

/** The 1-based line on which each element of the top-level "features" array opens. */
export function featureStartLines(text: string): number[] {
  const starts: number[] = []
  const stack: string[] = [] // '{' or '[' per open container; '[features' marks the one we want
  let line = 1
  let lastKey = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    else if (c === '"') {
      let j = i + 1
      for (;;) {
        j = text.indexOf('"', j)
        if (j < 0) return starts
        let slashes = 0
        while (text[j - 1 - slashes] === '\\') slashes++
        if (slashes % 2 === 0) break
        j++
      }
      if (stack.length === 1) lastKey = text.slice(i + 1, j) // JSON strings hold no raw line breaks
      i = j
    } else if (c === '{' || c === '[') {
      if (c === '{' && stack.length === 2 && stack[1] === '[features') starts.push(line)
      stack.push(c === '[' && stack.length === 1 && lastKey === 'features' ? '[features' : c)
    } else if (c === '}' || c === ']') stack.pop()
  }
  return starts
}
