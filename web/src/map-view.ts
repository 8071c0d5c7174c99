// The map: MapLibre with our offline style from the tile server (CJK labels drawn locally), the
// deck.gl overlay on top, the layer switcher applied to the style's layers, and clicks on grids
// and incidents turned into selections. The map instance is window.map (tests, debugging).
import * as maplibregl from 'maplibre-gl'
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' // the tile worker, served as its own file
import 'maplibre-gl/dist/maplibre-gl.css'
import { MapboxOverlay } from '@deck.gl/mapbox'
import { state, update, type LayerKey } from './state.ts'
import { buildLayers, STATE_COLORS } from './deck-layers.ts'

const CJK_FONTS = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' // glyphs drawn by the browser, no server fonts
const CENTER: [number, number] = [120.89, 32.02] // Nantong
const TILE_LAYERS = ['admin', 'grids', 'exclusive_grids', 'stations', 'incidents', 'units'] as const // the tile server's layers
const TOKEN_LAYERS = /\/tiles\/(incidents|units)[/.]/ // tiles that need the signed-in user
const POINTS_MIN_ZOOM = 13 // incident points by state from here on
const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f5' } }],
}

declare global {
  interface Window {
    map: MlMap
    deckOverlay: MapboxOverlay
  }
}

/** Which switcher entry a style layer belongs to: its source-layer, else its source, else its id. */
export function layerGroup(layer: { id: string; source?: unknown; 'source-layer'?: string }): string | null {
  for (const name of [layer['source-layer'], typeof layer.source === 'string' ? layer.source : undefined, layer.id]) {
    if (!name) continue
    const hit = TILE_LAYERS.find((g) => name === g || name.startsWith(`${g}-`) || name.startsWith(`${g}_`) || name.startsWith(`wangge-${g}`))
    if (hit) return hit === 'exclusive_grids' || !name.startsWith('exclusive') ? hit : 'exclusive_grids'
  }
  return null
}

async function loadStyle(): Promise<StyleSpecification> {
  try {
    const res = await fetch('/tiles/style.json')
    if (res.ok) return (await res.json()) as StyleSpecification
  } catch {
    // fall through: the map still shows the deck.gl layers
  }
  return EMPTY_STYLE
}

/** Incident points coloured by state from the incidents tiles, added when the style has that source. */
function addIncidentPoints(map: MlMap) {
  const style = map.getStyle()
  const layer = style.layers.find((l) => layerGroup(l as never) === 'incidents' && 'source' in l)
  if (!layer || !('source' in layer) || map.getLayer('desk-incident-points')) return
  const colors = Object.entries(STATE_COLORS).flatMap(([k, [r, g, b]]) => [k, `rgb(${r},${g},${b})`])
  map.addLayer({
    id: 'desk-incident-points',
    type: 'circle',
    source: layer.source as string,
    'source-layer': (layer as { 'source-layer'?: string })['source-layer'] ?? 'incidents',
    minzoom: POINTS_MIN_ZOOM,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 5,
      'circle-color': ['match', ['get', 'status'], ...colors, '#888'] as unknown as maplibregl.ExpressionSpecification,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1,
    },
  })
}

/** The category and state filters on the incident points of the tiles (the heat is filtered by the server). */
export function applyPointFilters(map: MlMap) {
  if (!map.getLayer('desk-incident-points')) return
  const { category, status } = state.filters
  const all: unknown[] = ['all', ['==', ['geometry-type'], 'Point']]
  if (category) all.push(['==', ['slice', ['to-string', ['get', 'category']], 0, category.length], category])
  if (status) all.push(['==', ['get', 'status'], status])
  map.setFilter('desk-incident-points', all as maplibregl.FilterSpecification)
}

export function applyLayerVisibility(map: MlMap) {
  const style = map.getStyle() // isStyleLoaded() is false while tiles load: the style itself is enough here
  if (!style) return
  for (const l of style.layers) {
    const group = l.id === 'desk-incident-points' ? 'points' : layerGroup(l as never)
    if (!group) continue
    const visible = state.layers[group as LayerKey]
    map.setLayoutProperty(l.id, 'visibility', visible ? 'visible' : 'none')
  }
}

maplibregl.setWorkerUrl(workerUrl)

export async function createMapView(container: HTMLElement, onPick: (sel: { kind: 'grid'; code: string } | { kind: 'incident'; id: string }) => void) {
  const style = await loadStyle()
  // Switched-off layers start hidden, so the map never asks for their tiles (incident and unit
  // tiles are computed per request).
  for (const l of style.layers) {
    const group = layerGroup(l as never)
    if (group && !state.layers[group as LayerKey]) l.layout = { ...l.layout, visibility: 'none' } as never
  }
  const map = new maplibregl.Map({
    container,
    style,
    center: CENTER,
    zoom: 8.6,
    localIdeographFontFamily: CJK_FONTS,
    attributionControl: { compact: true },
    canvasContextAttributes: { preserveDrawingBuffer: true }, // screenshots and pixel reads in tests
    transformRequest: (url) => {
      if (state.token && TOKEN_LAYERS.test(url) && !url.includes('token=')) {
        return { url: `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(state.token)}` }
      }
      return { url }
    },
  })
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right')
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    onClick: (info) => {
      const o = info.object as { id?: string } | undefined
      if (o?.id) onPick({ kind: 'incident', id: o.id })
      return Boolean(o?.id)
    },
    getTooltip: ({ object, layer }) => {
      if (!object || !layer) return null
      if (layer.id === 'hexagon') return `${Math.round((object as { colorValue: number }).colorValue)}`
      return null
    },
  })
  map.addControl(overlay)
  window.map = map
  window.deckOverlay = overlay
  void flyToJurisdiction(map)

  map.on('load', () => {
    addIncidentPoints(map)
    update({ styleLayers: new Set(map.getStyle().layers.map((l) => layerGroup(l as never)).filter((g): g is string => g !== null)) })
    applyLayerVisibility(map)
  })
  map.on('zoomend', () => {
    const zoom = Math.round(map.getZoom())
    if (zoom !== state.zoom) update({ zoom })
  })
  map.on('click', (e) => {
    const layers = map.getStyle().layers.map((l) => l.id)
    const incidentLayers = layers.filter((id) => id === 'desk-incident-points')
    const hitIncident = incidentLayers.length ? map.queryRenderedFeatures(e.point, { layers: incidentLayers }) : []
    const id = hitIncident[0]?.properties?.id
    if (id) return onPick({ kind: 'incident', id: String(id) })
    const gridLayers = map.getStyle().layers.filter((l) => {
      const g = layerGroup(l as never)
      return (g === 'grids' || g === 'exclusive_grids') && l.type === 'fill'
    }).map((l) => l.id)
    const hits = gridLayers.length ? map.queryRenderedFeatures(e.point, { layers: gridLayers }) : []
    // An exclusive grid lies over the basic grids: prefer it when both are under the pointer.
    const hit = hits.find((f) => /Z/.test(String(f.properties?.code))) ?? hits[0]
    if (hit?.properties?.code) onPick({ kind: 'grid', code: String(hit.properties.code) })
  })
  return { map, overlay, render: () => overlay.setProps({ layers: buildLayers(state) }) }
}

/** A user scoped to an admin unit starts on it (the city center sees the whole city anyway). */
async function flyToJurisdiction(map: MlMap) {
  const user = state.user
  if (!user || user.scopeKind !== 'admin_unit' || !user.scopeCodes[0]) return
  const res = await fetch(`/api/admin-units/${user.scopeCodes[0]}`, { headers: { authorization: `Bearer ${state.token}` } })
  if (!res.ok) return
  const feature = (await res.json()) as { geometry: GeoJSON.MultiPolygon }
  const bounds = new maplibregl.LngLatBounds()
  for (const polygon of feature.geometry.coordinates) for (const [lon, lat] of polygon[0]) bounds.extend([lon, lat])
  map.fitBounds(bounds, { padding: 40, duration: 0 })
}

/** Outline of the selected grid, drawn by MapLibre from its GeoJSON. */
export function showSelectedGrid(map: MlMap, geometry: GeoJSON.Geometry | null) {
  const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: geometry ? [{ type: 'Feature', geometry, properties: {} }] : [] }
  const src = map.getSource('desk-selected') as maplibregl.GeoJSONSource | undefined
  if (src) return src.setData(data)
  if (!map.getStyle()) return
  map.addSource('desk-selected', { type: 'geojson', data })
  map.addLayer({ id: 'desk-selected-line', type: 'line', source: 'desk-selected', paint: { 'line-color': '#ff6a00', 'line-width': 3 } })
}
