// The live feed: GET /api/events/stream (Server-Sent Events). Each new or changed incident lands in
// state.live at once, so it is drawn on the map with a fading ring and listed in the feed panel.
import { STRINGS } from './strings.ts'
import { state, update, type LiveReport } from './state.ts'
import { LIVE_HIGHLIGHT_MS } from './deck-layers.ts'
import { esc } from './escape-html.ts'
import { formatClock } from './format-time.ts'

const MAX_ITEMS = 200 // the feed keeps the newest
let source: EventSource | null = null
let animating = false
const listeners: ((r: LiveReport) => void)[] = []

/** Calls `fn` for every incident event (the review queue refreshes on them). */
export function onLiveReport(fn: (r: LiveReport) => void) {
  listeners.push(fn)
}

function animate() {
  if (animating) return
  animating = true
  const tick = () => {
    const now = Date.now()
    update({ now })
    if (state.live.some((r) => now - r.seenAt < LIVE_HIGHLIGHT_MS)) requestAnimationFrame(tick)
    else animating = false
  }
  requestAnimationFrame(tick)
}

export function connectLiveFeed() {
  source?.close()
  if (!state.token) return
  source = new EventSource(`/api/events/stream?token=${encodeURIComponent(state.token)}`)
  source.addEventListener('open', () => update({ liveConnected: true }))
  source.addEventListener('error', () => update({ liveConnected: false }))
  source.addEventListener('incident', (ev) => {
    const c = JSON.parse((ev as MessageEvent).data) as Omit<LiveReport, 'seenAt'>
    const report: LiveReport = { ...c, seenAt: Date.now() }
    const live = [report, ...state.live.filter((r) => r.id !== c.id)].slice(0, MAX_ITEMS)
    update({ live, now: report.seenAt })
    for (const fn of listeners) fn(report)
    animate()
  })
}

export function disconnectLiveFeed() {
  source?.close()
  source = null
}

export function renderLiveFeed(el: HTMLElement) {
  const t = STRINGS[state.lang]
  const categoryName = (code: string) => {
    const c = state.categories.find((x) => x.code === code.slice(0, 2))
    return c ? (state.lang === 'en' && c.nameEn ? c.nameEn : c.name) : code
  }
  el.innerHTML = `
    <h2>${t.live.title} <span class="dot ${state.liveConnected ? 'on' : 'off'}" title="${state.liveConnected ? t.live.connected : t.live.disconnected}"></span></h2>
    <ul class="feed" id="live-feed">${state.live.length ? state.live.slice(0, 50).map((r) => `
      <li data-incident="${esc(r.id)}" class="${state.now - r.seenAt < LIVE_HIGHLIGHT_MS ? 'fresh' : ''}">
        <span class="state s-${esc(r.status)}">${t.states[r.status] ?? esc(r.status)}</span>
        ${esc(categoryName(r.categoryCode))} <small>${formatClock(r.reportedAt, state.lang)}</small>
      </li>`).join('') : `<li class="muted">${t.live.empty}</li>`}
    </ul>`
  el.querySelectorAll<HTMLElement>('[data-incident]').forEach((li) =>
    li.addEventListener('click', () => {
      const r = state.live.find((x) => x.id === li.dataset.incident)
      if (r) window.map?.flyTo({ center: r.location, zoom: Math.max(window.map.getZoom(), 14) })
      update({ selection: { kind: 'incident', id: li.dataset.incident! } })
    }),
  )
}
