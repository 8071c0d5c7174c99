// Right column, top: what was clicked. A grid: code, households, head and workers, community
// officer, open events. An incident: assignment, routing, photos, the audit timeline and the
// actions this user may take now (from the server's allowedActions).
import { STRINGS } from './strings.ts'
import { state, update } from './state.ts'
import { api, ApiError } from './api-client.ts'
import { esc } from './escape-html.ts'
import { runAction } from './run-action.ts'
import { formatTime } from './format-time.ts'

interface Person { name: string; role: string; phone: string | null }
export interface GridDetails {
  code: string; name: string; kind: string; households: number; population: number
  village: { name: string }; town: { name: string }
  head: Person | null; workers: Person[]; communityOfficers: Person[]
  openEvents: { count: number; latest: { id: string; status: string; category: string; description: string; reportedAt: string }[] }
  geometry: GeoJSON.Geometry; bbox: [number, number, number, number]
}
export interface IncidentDetails {
  id: string; status: string; source: string; description: string; address: string | null
  category: { code: string; name: string }
  location: { coordinates: [number, number] }
  reportedAt: string
  assignment: { grid: { code: string; name: string } | null; station: { name: string } | null; village: { name: string } | null; town: { name: string } | null; method: string }
  routing: { department: { name: string } | null; handlingLevel: string; assignee: { name: string; code: string } | null; dueAt: string }
  photos?: { url: string }[]
  nearby: { id: string; status: string; description: string; distanceM: number }[]
  timeline?: { at: string; action: string; fromStatus?: string; toStatus?: string; from_status?: string; to_status?: string; actor?: { name?: string } | string; actorName?: string; note?: string | null }[]
  allowedActions?: string[]
}

let loaded: { key: string; data: GridDetails | IncidentDetails | null; error?: string } | null = null
const time = (t: string) => formatTime(t, state.lang)

export async function loadSelection(onGrid: (g: GridDetails | null) => void) {
  const sel = state.selection
  const key = sel ? `${sel.kind}:${sel.kind === 'grid' ? sel.code : sel.id}` : ''
  if (!sel) {
    loaded = null
    onGrid(null)
    return
  }
  loaded = { key, data: null }
  try {
    const data = sel.kind === 'grid' ? await api<GridDetails>(`/api/grids/${sel.code}`) : await api<IncidentDetails>(`/api/incidents/${sel.id}`)
    if (loaded?.key !== key) return
    loaded = { key, data }
    onGrid(sel.kind === 'grid' ? (data as GridDetails) : null)
  } catch (err) {
    if (loaded?.key === key) loaded = { key, data: null, error: (err as ApiError).detail ?? String(err) }
  }
  update({}) // re-render
}

const photoHtml = (d: IncidentDetails) =>
  d.photos?.length ? `<div class="photos">${d.photos.map((p) => `<img data-src="${esc(p.url)}" alt="" />`).join('')}</div>` : ''

function gridHtml(g: GridDetails): string {
  const t = STRINGS[state.lang].grid
  const s = STRINGS[state.lang]
  const people = (list: Person[]) => (list.length ? list.map((p) => esc(p.name)).join('、') : t.none)
  return `
    <h2>${g.kind === 'exclusive' ? t.exclusive : t.basic} · ${esc(g.name)}</h2>
    <dl>
      <dt>${t.code}</dt><dd id="grid-code">${esc(g.code)}</dd>
      <dt>${t.town}</dt><dd>${esc(g.town.name)} · ${esc(g.village.name)}</dd>
      <dt>${t.households}</dt><dd>${g.households}</dd>
      <dt>${t.population}</dt><dd>${g.population}</dd>
      <dt>${t.head}</dt><dd>${g.head ? `${esc(g.head.name)} ${esc(g.head.phone ?? '')}` : t.none}</dd>
      <dt>${t.workers}</dt><dd>${people(g.workers)}</dd>
      <dt>${t.officer}</dt><dd>${people(g.communityOfficers)}</dd>
      <dt>${t.openEvents}</dt><dd>${g.openEvents.count}</dd>
    </dl>
    <ul class="events">${g.openEvents.latest.map((e) => `
      <li data-incident="${esc(e.id)}"><span class="state s-${esc(e.status)}">${s.states[e.status] ?? esc(e.status)}</span> ${esc(e.category)} <small>${time(e.reportedAt)}</small></li>`).join('')}
    </ul>`
}

function incidentHtml(d: IncidentDetails): string {
  const s = STRINGS[state.lang]
  const t = s.incident
  const allowed = d.allowedActions?.filter((a) => a !== 'merge' || d.nearby.length) // merging needs a suggestion to merge into
  const timeline = d.timeline ?? []
  return `
    <h2>${t.title} · <span class="state s-${esc(d.status)}" id="incident-status">${s.states[d.status] ?? esc(d.status)}</span></h2>
    <dl>
      <dt>${t.category}</dt><dd>${esc(d.category.name)}</dd>
      <dt>${t.reportedAt}</dt><dd>${time(d.reportedAt)}</dd>
      <dt>${t.description}</dt><dd>${esc(d.description)}</dd>
      ${d.address ? `<dt>${t.address}</dt><dd>${esc(d.address)}</dd>` : ''}
      <dt>${t.grid}</dt><dd>${d.assignment.grid ? `${esc(d.assignment.grid.name)} <small>${esc(d.assignment.grid.code)}</small>` : '—'} (${t.method[d.assignment.method] ?? esc(d.assignment.method)})</dd>
      <dt>${t.station}</dt><dd>${esc(d.assignment.station?.name ?? '—')}</dd>
      <dt>${t.department}</dt><dd>${esc(d.routing.department?.name ?? '—')}</dd>
      <dt>${t.level}</dt><dd>${t.levels[d.routing.handlingLevel] ?? esc(d.routing.handlingLevel)}</dd>
      <dt>${t.assignee}</dt><dd>${esc(d.routing.assignee?.name || d.routing.assignee?.code || '—')}</dd>
      <dt>${t.due}</dt><dd>${d.routing.dueAt ? time(d.routing.dueAt) : '—'}</dd>
    </dl>
    ${photoHtml(d)}
    ${d.nearby.length ? `<h3>${t.nearby}</h3><ul class="events">${d.nearby.map((n) => `
      <li data-incident="${esc(n.id)}">${Math.round(n.distanceM)} m · ${esc(n.description)} <span class="state s-${esc(n.status)}">${s.states[n.status] ?? ''}</span></li>`).join('')}</ul>` : ''}
    ${allowed ? `<h3>${t.actions}</h3><div class="actions" id="incident-actions">${allowed.length
      ? allowed.map((a) => `<button type="button" data-action="${esc(a)}" class="${a === 'reject' ? 'danger' : 'primary'}">${s.actions[a] ?? esc(a)}</button>`).join('')
      : `<p class="muted">${t.noActions}</p>`}</div>` : ''}
    ${timeline.length ? `<h3>${t.timeline}</h3><ol class="timeline">${timeline.map((e) => `
      <li><small>${time(e.at)}</small> ${s.actions[e.action] ?? esc(e.action)} ${esc(typeof e.actor === 'string' ? e.actor : e.actor?.name ?? e.actorName ?? '')}
        ${e.note ? `<div class="muted">${esc(e.note)}</div>` : ''}</li>`).join('')}</ol>` : ''}`
}

export function renderDetailPanel(el: HTMLElement) {
  const s = STRINGS[state.lang]
  el.hidden = !state.selection
  if (!state.selection) return (el.innerHTML = '')
  const body = !loaded?.data ? `<p class="muted">${loaded?.error ? `${s.error}: ${esc(loaded.error)}` : s.loading}</p>`
    : state.selection.kind === 'grid' ? gridHtml(loaded.data as GridDetails) : incidentHtml(loaded.data as IncidentDetails)
  el.innerHTML = `<button type="button" class="close link" id="detail-close">${s.close} ✕</button>${body}`
  el.querySelector('#detail-close')!.addEventListener('click', () => update({ selection: null }))
  el.querySelectorAll<HTMLElement>('[data-incident]').forEach((li) =>
    li.addEventListener('click', () => update({ selection: { kind: 'incident', id: li.dataset.incident! } })),
  )
  // Photos need the token: fetched as blobs.
  el.querySelectorAll<HTMLImageElement>('img[data-src]').forEach(async (img) => {
    const res = await fetch(img.dataset.src!, { headers: { authorization: `Bearer ${state.token}` } })
    if (res.ok) img.src = URL.createObjectURL(await res.blob())
  })
  const d = loaded?.data as IncidentDetails | null
  el.querySelectorAll<HTMLButtonElement>('button[data-action]').forEach((b) =>
    b.addEventListener('click', async () => {
      if (!d) return
      b.disabled = true
      const ok = await runAction(d, b.dataset.action!)
      if (ok) void loadSelection(() => {})
      else b.disabled = false
    }),
  )
}
