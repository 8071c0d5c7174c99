// The one state object of the map desk. Panels read it and call update(); every update re-renders
// the panels and rebuilds the deck.gl layers from it (the deck.gl way: layers are a pure function
// of state, matched by id, so a rebuild only uploads what changed).
import type { Lang } from './strings.ts'
import type { HeatData } from './heat-data.ts'

export type View = 'map' | 'review' | 'supervision' | 'dashboard'
export type LayerKey = 'admin' | 'grids' | 'exclusive_grids' | 'stations' | 'incidents' | 'units' | 'heatmap' | 'hexagon' | 'points' | 'live'

export interface User {
  id: number
  username: string
  displayName: string
  role: string
  scopeKind: string
  scopeCodes: string[]
}

export interface LiveReport {
  id: string
  status: string
  categoryCode: string
  location: [number, number]
  reportedAt: string
  seenAt: number // ms, for the highlight
  op: 'insert' | 'update'
}

export interface IncidentPoint {
  id: string
  status: string
  location: [number, number]
}

export type Selection = { kind: 'grid'; code: string } | { kind: 'incident'; id: string } | null

export interface State {
  lang: Lang
  token: string | null
  user: User | null
  view: View
  error: string | null
  layers: Record<LayerKey, boolean>
  /** Available tile layers in the style (others are hidden from the switcher). */
  styleLayers: Set<string>
  filters: { category: string; status: string }
  categories: { code: string; name: string; nameEn: string }[]
  time: {
    domain: [number, number] // ms: what the heat data covers
    window: number // ms: the slider window (24 h, 7 d or 30 d)
    end: number // ms: the slider's right edge
    playing: boolean
  }
  heat: HeatData | null
  points: IncidentPoint[]
  live: LiveReport[]
  liveConnected: boolean
  selection: Selection
  now: number
  zoom: number // whole map zoom levels, for the hexagon size
}

const DAY = 86_400_000

export function initialState(): State {
  const now = Date.now()
  return {
    lang: (localStorage.getItem('lang') as Lang) || 'zh-CN',
    token: sessionStorage.getItem('token'),
    user: null,
    view: 'map',
    error: null,
    layers: { admin: true, grids: true, exclusive_grids: true, stations: false, incidents: false, units: false, heatmap: true, hexagon: false, points: true, live: true },
    styleLayers: new Set(),
    filters: { category: '', status: '' },
    categories: [],
    time: { domain: [now - 30 * DAY, now], window: 30 * DAY, end: now, playing: false },
    heat: null,
    points: [],
    live: [],
    liveConnected: false,
    selection: null,
    now,
    zoom: 9,
  }
}

type Listener = (s: State, changed: Set<keyof State>) => void
const listeners: Listener[] = []

export const state: State = initialState()

/** Merges a change into the state and tells every listener which keys changed. */
export function update(change: Partial<State>): void {
  Object.assign(state, change)
  const changed = new Set(Object.keys(change) as (keyof State)[])
  for (const l of listeners) l(state, changed)
}

export function subscribe(l: Listener): void {
  listeners.push(l)
}
