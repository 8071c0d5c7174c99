// deck.gl layers as a pure function of the state, rebuilt on every change and matched by id. The
// heat of a time window is one point per cell with the window's sum (heat-data.ts windowPoints),
// handed to deck.gl as binary attributes (no accessor run): the GPU's work per frame then grows
// with the cells on the map, not with cells × days. (DataFilterExtension does not serve here: in
// deck.gl 9.4 HeatmapLayer's weight pass does not bind the filter attribute, and GPU hexagon
// aggregation draws nothing on SwiftShader; and splatting every cell-day, then hiding most, made
// each frame cost as much as the whole month.)
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers'
import { ScatterplotLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import type { State } from './state.ts'
import { bucketsInWindow, windowPoints, type HeatData } from './heat-data.ts'

const HIGHLIGHT_MS = 4_000 // a live report pulses this long
const HEX_RADIUS_AT_Z12_M = 500 // hexagon size at zoom 12, doubling per zoom level out
const HEX_RADIUS_M = [150, 5_000] // smallest and largest hexagon
const HEAT_RADIUS_PX = 28 // kernel radius on screen
const HEAT_TEXTURE_PX = 256 // weight map resolution: its max-reduction pass draws one point per texel (2048² by default)
export const HEAT_COLORS: [number, number, number][] = [
  [255, 255, 178], [254, 217, 118], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38],
]
/** Incident state → colour, shared by the points, the legend and the MapLibre point layer. */
export const STATE_COLORS: Record<string, [number, number, number]> = {
  reported: [230, 57, 70],
  accepted: [244, 162, 97],
  dispatched: [233, 196, 106],
  signed: [42, 157, 143],
  handled: [38, 70, 83],
  verified: [69, 123, 157],
  closed: [120, 120, 120],
  evaluated: [150, 150, 150],
  rejected: [200, 200, 200],
  merged: [200, 200, 200],
  shelved: [106, 76, 147],
}

/** The heat points of the slider window, memoised so that a render that does not move the window
 * hands deck.gl the very same data object (and so uploads nothing). */
let windowData: { heat: HeatData; b0: number; b1: number; data: { length: number } } | null = null
export function heatWindow(s: State) {
  const h = s.heat!
  const [b0, b1] = bucketsInWindow(h, s.time.end - s.time.window, s.time.end)
  if (windowData?.heat === h && windowData.b0 === b0 && windowData.b1 === b1) return windowData.data
  const { length, positions, weights } = windowPoints(h, b0, b1)
  const data = {
    length,
    attributes: {
      getPosition: { value: positions, size: 3 },
      getWeight: { value: weights, size: 1 },
      getColorWeight: { value: weights, size: 1 },
      getElevationWeight: { value: weights, size: 1 },
    },
  }
  windowData = { heat: h, b0, b1, data }
  return data
}

export function buildLayers(s: State): Layer[] {
  const layers: Layer[] = []
  const h = s.heat
  const data = h && h.length ? heatWindow(s) : null
  if (data && data.length) {
    // A switched-off layer is left out rather than hidden: hidden layers still aggregate on every move.
    if (s.layers.heatmap) layers.push(
      new HeatmapLayer({
        id: 'heatmap',
        data: data as never,
        radiusPixels: HEAT_RADIUS_PX,
        weightsTextureSize: HEAT_TEXTURE_PX,
        colorRange: HEAT_COLORS,
        aggregation: 'SUM',
      } as never))
    if (s.layers.hexagon) layers.push(
      new HexagonLayer({
        id: 'hexagon',
        data: data as never,
        gpuAggregation: false, // the CPU bins also on machines without float render targets
        radius: Math.min(HEX_RADIUS_M[1], Math.max(HEX_RADIUS_M[0], HEX_RADIUS_AT_Z12_M * 2 ** (12 - s.zoom))),
        colorRange: HEAT_COLORS,
        colorAggregation: 'SUM',
        elevationAggregation: 'SUM',
        extruded: false,
        opacity: 0.75,
        pickable: true,
      } as never),
    )
  }
  // Live reports: a dot by state and a ring that shrinks as the highlight fades.
  const fresh = s.live.filter((r) => s.now - r.seenAt < HIGHLIGHT_MS)
  layers.push(
    new ScatterplotLayer({
      id: 'live-points',
      data: s.live,
      visible: s.layers.live,
      getPosition: (r: State['live'][number]) => r.location,
      getFillColor: (r: State['live'][number]) => [...(STATE_COLORS[r.status] ?? [128, 128, 128]), 255],
      getLineColor: [255, 255, 255],
      stroked: true,
      lineWidthMinPixels: 1,
      radiusUnits: 'pixels',
      getRadius: 6,
      pickable: true,
      updateTriggers: { getFillColor: s.live.map((r) => r.status).join() },
    }),
    new ScatterplotLayer({
      id: 'live-highlight',
      data: fresh,
      visible: s.layers.live,
      getPosition: (r: State['live'][number]) => r.location,
      getFillColor: [0, 0, 0, 0],
      getLineColor: (r: State['live'][number]) => [255, 106, 0, Math.max(0, 255 * (1 - (s.now - r.seenAt) / HIGHLIGHT_MS))],
      stroked: true,
      filled: false,
      lineWidthMinPixels: 3,
      radiusUnits: 'pixels',
      getRadius: (r: State['live'][number]) => 10 + 30 * ((s.now - r.seenAt) / HIGHLIGHT_MS),
      updateTriggers: { getLineColor: s.now, getRadius: s.now },
    }),
  )
  return layers
}

export const LIVE_HIGHLIGHT_MS = HIGHLIGHT_MS
