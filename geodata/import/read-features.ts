// Reads the features of a boundary file: GeoJSON, a zipped Shapefile or KML. Coordinates stay as
// they are in the file; the CRS is resolved and applied later (resolve-crs.ts), so a Shapefile's
// .prj is handed back as text beside the features.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import { kml } from '@tmcw/togeojson'
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson'
import { readShapefileZip } from './read-shapefile-zip.ts'

export interface SourceFeatures {
  features: Feature<Geometry | null>[]
  prj?: string // the Shapefile's .prj (WKT), when it has one
}

export async function readFeatures(file: string): Promise<SourceFeatures> {
  const name = path.basename(file)
  const ext = path.extname(file).toLowerCase()
  if (!['.geojson', '.json', '.zip', '.kml'].includes(ext)) {
    throw new Error(`${name}: unknown file type "${ext}"; give a .geojson, .json, .zip (Shapefile) or .kml file.`)
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`)
  }
  if (ext === '.zip') return readShapefileZip(bytes, name)
  if (ext === '.kml') return { features: parseKml(bytes.toString('utf8'), name) }
  return { features: parseGeoJson(bytes.toString('utf8'), name) }
}

function parseGeoJson(text: string, name: string): Feature<Geometry | null>[] {
  let doc: { type?: string; features?: unknown }
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) // editors on Windows like to add a BOM
  } catch (err) {
    throw new Error(`${name} is not valid JSON: ${(err as Error).message}`)
  }
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) return doc.features as Feature[]
  if (doc?.type === 'Feature') return [doc as Feature]
  throw new Error(`${name} is not a GeoJSON FeatureCollection or Feature.`)
}

function parseKml(text: string, name: string): Feature<Geometry | null>[] {
  let doc
  try {
    doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg) } })
      .parseFromString(text, 'text/xml')
  } catch (err) {
    throw new Error(`${name} is not well-formed XML: ${(err as Error).message}`)
  }
  return kml(doc).features.map((f) => ({ ...f, geometry: polygonsAsMulti(f.geometry) }))
}

// A KML <MultiGeometry> of polygons arrives as a GeometryCollection; grids drawn in two parts
// (a village split by a river) are exactly that, so it becomes the MultiPolygon it means.
function polygonsAsMulti(g: Geometry | null): Geometry | null {
  if (g?.type !== 'GeometryCollection') return g
  const parts = g.geometries
  if (parts.length === 0 || !parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) return g
  const polygons = (parts as (Polygon | MultiPolygon)[]).flatMap((p) =>
    p.type === 'Polygon' ? [p.coordinates] : p.coordinates)
  return { type: 'MultiPolygon', coordinates: polygons }
}
