// TileJSON 3.0.0 for one layer (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0).
import type { TileLayer } from './tile-layers.ts'

export type Bounds = [number, number, number, number] // WGS-84 west, south, east, north

export const WORLD: Bounds = [-180, -85.0511, 180, 85.0511]

export function tileJson(layer: TileLayer, baseUrl: string, bounds: Bounds = WORLD) {
  const center: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(layer.minzoom, 10)]
  return {
    tilejson: '3.0.0',
    name: `wangge ${layer.name}`,
    description: layer.description,
    version: '1.0.0',
    attribution: 'wangge (网格); synthetic demo boundaries below district level',
    scheme: 'xyz',
    tiles: [`${baseUrl}/tiles/${layer.name}/{z}/{x}/{y}.mvt`],
    minzoom: layer.minzoom,
    maxzoom: layer.maxzoom,
    bounds,
    center,
    vector_layers: [
      { id: layer.name, description: layer.description, minzoom: layer.minzoom, maxzoom: layer.maxzoom, fields: layer.fields },
    ],
  }
}
