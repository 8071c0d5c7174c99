// The desk once signed in: a top bar (search, views, user, language), the map in the middle with
// the layer panel on the left, details and the live feed on the right and the time bar below; the
// review queue, supervision and dashboard open over the map, which stays alive underneath.
import type { Map as MlMap } from 'maplibre-gl'
import { STRINGS } from './strings.ts'
import { state, update, subscribe, type State, type View } from './state.ts'
import { api } from './api-client.ts'
import { esc } from './escape-html.ts'
import { createMapView, applyLayerVisibility, applyPointFilters, showSelectedGrid } from './map-view.ts'
import { heatCellMetres } from './heat-data.ts'
import { fetchHeat } from './fetch-heat.ts'
import { renderLayerPanel } from './layer-panel.ts'
import { renderTimeSlider, updateTimeLabel } from './time-slider.ts'
import { mountSearchBox } from './search-box.ts'
import { renderDetailPanel, loadSelection } from './detail-panel.ts'
import { connectLiveFeed, disconnectLiveFeed, onLiveReport, renderLiveFeed } from './live-feed.ts'
import { loadReviewQueue, renderReviewQueue } from './review-queue.ts'
import { loadSupervision, renderSupervision } from './supervision-panel.ts'

const VIEWS: View[] = ['map', 'review', 'supervision', 'dashboard']
const REVIEW_ROLES = ['admin', 'town_center', 'county_center', 'city_center'] // who reviews reports
const HEAT_DAYS = 30 // what the heat data and the slider cover
/** The dashboard and its chart library load when it is first opened, not with the map. */
let dashboardModule: Promise<typeof import('./dashboard.ts')> | undefined
const dashboard = () => (dashboardModule ??= import('./dashboard.ts'))

interface Service { service_code: string; service_name: string; group: string }

export async function mountDesk(root: HTMLElement) {
  root.className = 'desk'
  root.innerHTML = `
    <header>
      <h1 id="title"></h1>
      <div class="search" id="search-box"></div>
      <nav id="tabs"></nav>
      <div class="user"><span id="who"></span><button type="button" class="link" id="lang"></button><button type="button" class="link" id="signout"></button></div>
    </header>
    <aside class="left" id="layer-panel"></aside>
    <section class="center">
      <div id="map"></div>
      <section class="view" id="view-review" hidden></section>
      <section class="view" id="view-supervision" hidden></section>
      <section class="view" id="view-dashboard" hidden></section>
      <footer id="time-bar"></footer>
    </section>
    <aside class="right"><section id="detail" hidden></section><section id="live"></section></aside>`
  const $ = (id: string) => root.querySelector<HTMLElement>(`#${id}`)!
  let map: MlMap | undefined
  const search = mountSearchBox($('search-box'), () => map)

  const renderChrome = () => {
    const t = STRINGS[state.lang]
    document.title = t.title
    $('title').textContent = t.title
    const views = VIEWS.filter((v) => v !== 'review' || REVIEW_ROLES.includes(state.user?.role ?? ''))
    $('tabs').innerHTML = views.map((v) => `<button type="button" data-view="${v}" class="${state.view === v ? 'on' : ''}">${t.tabs[v]}</button>`).join('')
    $('tabs').querySelectorAll<HTMLButtonElement>('button').forEach((b) => b.addEventListener('click', () => update({ view: b.dataset.view as View })))
    $('who').innerHTML = state.user ? `${esc(state.user.displayName)} · ${t.roles[state.user.role] ?? esc(state.user.role)}` : ''
    $('lang').textContent = t.switchTo
    $('signout').textContent = t.signOut
    search.redraw()
  }
  $('lang').addEventListener('click', () => {
    const lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN'
    localStorage.setItem('lang', lang)
    update({ lang })
  })
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem('token')
    disconnectLiveFeed()
    location.reload()
  })

  const redrawView = () => {
    for (const v of VIEWS.slice(1)) $(`view-${v}`).hidden = state.view !== v
    if (state.view === 'review') renderReviewQueue($('view-review'), redrawView)
    if (state.view === 'supervision') renderSupervision($('view-supervision'))
    if (state.view === 'dashboard') void dashboard().then((d) => d.renderDashboard($('view-dashboard')))
  }
  const loadView = () => {
    if (state.view === 'review') void loadReviewQueue(redrawView)
    if (state.view === 'supervision') void loadSupervision(redrawView)
    if (state.view === 'dashboard') void dashboard().then((d) => d.loadDashboard(redrawView))
  }

  // The heat of the last HEAT_DAYS at the cell size of the zoom; asked for again when the filters
  // or the cell size change. The first request leaves before the map is built, beside the style.
  let heatRequest = 0
  const requestHeat = () => {
    const now = Date.now()
    const domain: [number, number] = [now - HEAT_DAYS * 86_400_000, now]
    const heat = fetchHeat({ from: domain[0], to: domain[1], ...state.filters, cellMetres: heatCellMetres(state.zoom) })
    heat.catch(() => {}) // a failure surfaces where loadHeat awaits it, not as an early unhandled rejection
    return { id: ++heatRequest, domain, heat }
  }
  const loadHeat = async (request = requestHeat()) => {
    const { id, domain } = request
    const heat = await request.heat
    if (id !== heatRequest) return
    update({ heat, time: { ...state.time, domain, end: Math.min(Math.max(state.time.end, domain[0] + state.time.window), domain[1]) } })
  }
  const firstHeat = requestHeat()

  const view = await createMapView($('map'), (sel) => update({ selection: sel }))
  map = view.map
  // 'desk-rendered': the first frame with the style's tiles and the heat drawn (read by the bench).
  const markRendered = () => {
    if (state.heat && !performance.getEntriesByName('desk-rendered').length && view.map.loaded() && view.map.areTilesLoaded()) {
      requestAnimationFrame(() => performance.mark('desk-rendered'))
    }
  }
  view.map.on('render', markRendered)
  view.map.once('load', () => performance.mark('desk-map-loaded'))
  view.map.once('idle', () => performance.mark('desk-map-idle'))

  subscribe((s: State, changed) => {
    const any = (...keys: (keyof State)[]) => keys.some((k) => changed.has(k))
    if (!s.token) return
    if (any('lang')) {
      renderChrome()
      renderTimeSlider($('time-bar'))
    }
    if (any('lang', 'layers', 'styleLayers', 'categories', 'filters')) renderLayerPanel($('layer-panel'))
    if (any('layers')) applyLayerVisibility(view.map)
    if (any('heat', 'time', 'live', 'now', 'layers', 'zoom')) view.render()
    if (any('time', 'heat')) {
      const slider = $('time-bar').querySelector<HTMLInputElement>('#time-end')
      const stale = !slider || Number(slider.min) !== s.time.domain[0] + s.time.window || Number(slider.max) !== s.time.domain[1]
      if (stale || changed.has('heat')) renderTimeSlider($('time-bar'))
      else updateTimeLabel($('time-bar'))
      if ($('time-bar').querySelector('#play')?.textContent !== (s.time.playing ? STRINGS[s.lang].time.pause : STRINGS[s.lang].time.play)) renderTimeSlider($('time-bar'))
    }
    if (any('filters')) applyPointFilters(view.map)
    if (any('filters') || (any('zoom') && s.heat && heatCellMetres(s.zoom) !== s.heat.cellMetres)) void loadHeat()
    if (any('heat')) {
      if (!performance.getEntriesByName('desk-heat-loaded').length) performance.mark('desk-heat-loaded')
      markRendered()
    }
    if (any('selection')) void loadSelection((g) => showSelectedGrid(view.map, g?.geometry ?? null))
    if (any('selection', 'lang') || (changed.size === 0)) renderDetailPanel($('detail'))
    if (any('live', 'liveConnected', 'lang', 'categories')) renderLiveFeed($('live'))
    if (any('view')) {
      renderChrome()
      loadView()
    }
    if (any('view', 'lang')) redrawView()
  })
  onLiveReport((r) => {
    if (state.view === 'review' && r.status === 'reported') void loadReviewQueue(redrawView)
  })
  window.addEventListener('resize', () => void dashboardModule?.then((d) => d.resizeCharts())) // no charts before it opened

  renderChrome()
  renderLayerPanel($('layer-panel'))
  renderTimeSlider($('time-bar'))
  renderLiveFeed($('live'))
  connectLiveFeed()
  void loadHeat(firstHeat)
  const services = await fetch('/open311/v2/services.json').then((r) => (r.ok ? (r.json() as Promise<Service[]>) : []))
  const classes = new Map<string, { code: string; name: string; nameEn: string }>()
  for (const sv of services) classes.set(sv.service_code.slice(0, 2), { code: sv.service_code.slice(0, 2), name: sv.group, nameEn: '' })
  update({ categories: [...classes.values()] })
}

/** The signed-in user behind a stored token, or null when it expired. */
export async function restoreUser() {
  if (!state.token) return null
  try {
    return (await api<{ user: State['user'] }>('/api/auth/me')).user
  } catch {
    return null
  }
}
