// Supervision (督办): open events that are overdue (red) or past 80% of their time limit (yellow),
// with their handling level and escalations, from the supervision queue of the closed loop.
import { STRINGS } from './strings.ts'
import { state, update } from './state.ts'
import { esc } from './escape-html.ts'
import { api } from './api-client.ts'
import { listIncidents, type ListedIncident } from './list-incidents.ts'

const CENTERS = ['admin', 'city_center', 'county_center', 'town_center'] // who holds a supervision queue

const PAGE = 200 // events per light
let items: ListedIncident[] | null | undefined
let escalated: { at: string; fromLevel: string; toLevel: string; incidentId: string }[] = []

export async function loadSupervision(redraw: () => void) {
  const [red, yellow] = await Promise.all([
    listIncidents(`light=red&limit=${PAGE}`),
    listIncidents(`light=yellow&limit=${PAGE}`),
  ])
  items = red && yellow ? [...red, ...yellow] : null
  // The escalation records (督办) are the centers' queue; other roles see the lights only.
  escalated = CENTERS.includes(state.user?.role ?? '')
    ? ((await api<{ items: { supervision: { at: string; fromLevel: string; toLevel: string }; incident: { id: string } }[] }>('/api/supervision?level=all&limit=100').catch(() => ({ items: [] }))).items ?? [])
        .map((r) => ({ ...r.supervision, incidentId: r.incident.id }))
    : []
  redraw()
}

export function renderSupervision(el: HTMLElement) {
  const s = STRINGS[state.lang]
  const t = s.supervision
  if (items === undefined) return void (el.innerHTML = `<h2>${t.title}</h2><p class="muted">${s.loading}</p>`)
  if (items === null) return void (el.innerHTML = `<h2>${t.title}</h2><p class="muted" id="supervision-unavailable">${t.unavailable}</p>`)
  const now = Date.now()
  const rows = items.map((i) => ({ i, light: i.light as 'red' | 'yellow' })) // the server's lights, as asked for
  rows.sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1))
  const count = (l: string) => rows.filter((r) => r.light === l).length
  el.innerHTML = `<h2>${t.title}</h2>
    <p class="lights"><span class="light red"></span>${t.red}: <b id="red-count">${count('red')}</b>
      <span class="light yellow"></span>${t.yellow}: <b id="yellow-count">${count('yellow')}</b></p>
    ${rows.length ? '' : `<p class="muted">${t.empty}</p>`}
    <table class="supervision"><tbody>${rows.map(({ i, light }) => {
      const due = Date.parse(i.stepDueAt ?? '')
      const hours = Number.isFinite(due) ? Math.round(Math.abs(due - now) / 3_600_000) : null
      return `<tr data-incident="${esc(i.id)}"><td><span class="light ${light}"></span></td>
        <td>${esc(i.category.name)}</td><td>${s.states[i.status] ?? esc(i.status)}</td>
        <td>${t.level}: ${s.incident.levels[String(i.handlingLevel)] ?? esc(i.handlingLevel ?? '')}</td>
        <td>${t.escalations}: ${i.counts.escalations}</td>
        <td>${hours === null ? '' : `${light === 'red' ? t.overdueBy : t.dueIn} ${hours} ${s.hours}`}</td></tr>`
    }).join('')}</tbody></table>`
  el.querySelectorAll<HTMLElement>('[data-incident]').forEach((tr) =>
    tr.addEventListener('click', () => update({ view: 'map', selection: { kind: 'incident', id: tr.dataset.incident! } })),
  )
}
