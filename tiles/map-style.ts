// The MapLibre style of our layers. It needs nothing from the internet: no sprite, and no glyphs
// URL, so MapLibre draws every label (Chinese included) with the viewer's local fonts named in
// text-font (Noto Sans CJK, Microsoft YaHei, PingFang fall back to the browser's sans-serif).
// An online raster basemap is added only when configured (basemap.ts).
import type { Basemap } from './basemap.ts'
import { tileJson, type Bounds } from './tile-json.ts'
import { TILE_LAYERS } from './tile-layers.ts'

const FONTS = ['Noto Sans CJK SC Regular', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'] // first one found wins
const HALO = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }

const EXCLUSIVE_COLOURS = [
  'school', '#f28e2b', 'hospital', '#e15759', 'market', '#edc948', 'industrial_park', '#76b7b2',
  'enterprise', '#59a14f', 'scenic_area', '#8cd17d', 'construction_site', '#b07aa1',
  'transport_hub', '#9c755f', 'government', '#4e79a7', 'residential_estate', '#ff9da7', '#bab0ac',
]

export function mapStyle(baseUrl: string, bounds: Bounds, basemap: Basemap | null) {
  // Each source carries its TileJSON inline, so a map asks for tiles at once instead of first
  // fetching six TileJSON documents (/tiles/{layer}.json still serves them to other clients).
  const source = (name: string) => {
    const { tiles, minzoom, maxzoom, bounds: extent, attribution } = tileJson(TILE_LAYERS[name], baseUrl, bounds)
    return { type: 'vector' as const, tiles, minzoom, maxzoom, bounds: extent, attribution }
  }
  const level = (l: string) => ['==', ['get', 'level'], l]
  return {
    version: 8,
    name: 'wangge 网格',
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2],
    zoom: 9,
    sources: {
      ...(basemap ? { basemap: { type: 'raster', tiles: [basemap.tiles], tileSize: 256, attribution: basemap.attribution, maxzoom: 19 } } : {}),
      admin: source('admin'),
      grids: source('grids'),
      exclusive_grids: source('exclusive_grids'),
      stations: source('stations'),
      incidents: source('incidents'),
      units: source('units'),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
      ...(basemap ? [{ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.8 } }] : []),
      { id: 'grids-fill', type: 'fill', source: 'grids', 'source-layer': 'grids', paint: { 'fill-color': '#4e79a7', 'fill-opacity': 0.06 } },
      { id: 'grids-line', type: 'line', source: 'grids', 'source-layer': 'grids', paint: { 'line-color': '#4e79a7', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 16, 1.2] } },
      { id: 'exclusive-grids-fill', type: 'fill', source: 'exclusive_grids', 'source-layer': 'exclusive_grids', paint: { 'fill-color': ['match', ['get', 'exclusive_type'], ...EXCLUSIVE_COLOURS], 'fill-opacity': 0.35 } },
      { id: 'exclusive-grids-line', type: 'line', source: 'exclusive_grids', 'source-layer': 'exclusive_grids', paint: { 'line-color': ['match', ['get', 'exclusive_type'], ...EXCLUSIVE_COLOURS], 'line-width': 1.2 } },
      { id: 'stations-line', type: 'line', source: 'stations', 'source-layer': 'stations', paint: { 'line-color': '#1f3a93', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
      { id: 'admin-village-line', type: 'line', source: 'admin', 'source-layer': 'admin', filter: level('village'), paint: { 'line-color': '#8a8a8a', 'line-width': 0.8, 'line-dasharray': [2, 2] } },
      { id: 'admin-town-line', type: 'line', source: 'admin', 'source-layer': 'admin', filter: level('town'), paint: { 'line-color': '#6b6b6b', 'line-width': 1.4 } },
      { id: 'admin-county-line', type: 'line', source: 'admin', 'source-layer': 'admin', filter: level('county'), paint: { 'line-color': '#3d3d3d', 'line-width': 2.4 } },
      {
        id: 'incidents-hexagons', type: 'fill', source: 'incidents', 'source-layer': 'incidents', maxzoom: 13,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': ['step', ['get', 'count'], '#fee8c8', 10, '#fdbb84', 50, '#fc8d59', 200, '#e34a33', 1000, '#b30000'], 'fill-opacity': 0.7 },
      },
      {
        id: 'incidents-points', type: 'circle', source: 'incidents', 'source-layer': 'incidents', minzoom: 13,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 3, 16, 6],
          'circle-color': ['match', ['get', 'status'], ['closed', 'evaluated'], '#59a14f', ['rejected', 'merged', 'shelved'], '#bab0ac', '#e15759'],
          'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1,
        },
      },
      {
        id: 'units', type: 'circle', source: 'units', 'source-layer': 'units',
        paint: { 'circle-radius': 6, 'circle-color': ['match', ['get', 'status'], 'available', '#2ca02c', 'busy', '#ff7f0e', '#7f7f7f'], 'circle-stroke-color': '#1f3a93', 'circle-stroke-width': 2 },
      },
      {
        id: 'admin-label', type: 'symbol', source: 'admin', 'source-layer': 'admin',
        filter: ['any', ['all', level('county'), ['<', ['zoom'], 11]], ['all', level('town'), ['>=', ['zoom'], 10], ['<', ['zoom'], 13]], ['all', level('village'), ['>=', ['zoom'], 13]]],
        layout: { 'text-field': ['get', 'name'], 'text-font': FONTS, 'text-size': ['match', ['get', 'level'], 'county', 16, 'town', 14, 12] },
        paint: { 'text-color': '#333333', ...HALO },
      },
      {
        id: 'grids-label', type: 'symbol', source: 'grids', 'source-layer': 'grids', minzoom: 14,
        layout: { 'text-field': ['coalesce', ['get', 'name'], ['get', 'code']], 'text-font': FONTS, 'text-size': 11 },
        paint: { 'text-color': '#2b4a6f', ...HALO },
      },
      {
        id: 'exclusive-grids-label', type: 'symbol', source: 'exclusive_grids', 'source-layer': 'exclusive_grids', minzoom: 13,
        layout: { 'text-field': ['coalesce', ['get', 'name'], ''], 'text-font': FONTS, 'text-size': 11 },
        paint: { 'text-color': '#5a3d2b', ...HALO },
      },
      {
        id: 'units-label', type: 'symbol', source: 'units', 'source-layer': 'units', minzoom: 13,
        layout: { 'text-field': ['get', 'name'], 'text-font': FONTS, 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
        paint: { 'text-color': '#1f3a93', ...HALO },
      },
    ],
  }
}
