// The town hub's review queue: reports waiting for review with their duplicate suggestions beside
// them; accept, accept and dispatch, reject, or merge into a suggestion in one or two clicks.
import { STRINGS } from './strings.ts'
import { state } from './state.ts'
import { api } from './api-client.ts'
import { esc } from './escape-html.ts'
import { listIncidents, type ListedIncident } from './list-incidents.ts'
import { runAction } from './run-action.ts'
import type { IncidentDetails } from './detail-panel.ts'
import { formatTime } from './format-time.ts'

const QUEUE_SIZE = 30 // reports shown at once
let items: (ListedIncident & { details?: IncidentDetails })[] | null | undefined
let loading = false

export async function loadReviewQueue(redraw: () => void) {
  if (loading) return
  loading = true
  try {
    const list = await listIncidents(`status=reported&limit=${QUEUE_SIZE}`)
    if (list) {
      items = await Promise.all(list.map(async (i) => ({ ...i, details: await api<IncidentDetails>(`/api/incidents/${i.id}`).catch(() => undefined) })))
    } else items = null
  } finally {
    loading = false
  }
  redraw()
}

const when = (t: string) => formatTime(t, state.lang)

export function renderReviewQueue(el: HTMLElement, redraw: () => void) {
  const s = STRINGS[state.lang]
  const t = s.review
  if (items === undefined) {
    el.innerHTML = `<h2>${t.title}</h2><p class="muted">${s.loading}</p>`
    return
  }
  if (items === null) {
    el.innerHTML = `<h2>${t.title}</h2><p class="muted" id="review-unavailable">${t.unavailable}</p>`
    return
  }
  el.innerHTML = `<h2>${t.title} <small>(${items.length})</small></h2>
    ${items.length ? '' : `<p class="muted">${t.empty}</p>`}
    <ul class="queue" id="review-queue">${items.map((i) => {
      const d = i.details
      const allowed = d?.allowedActions ?? ['accept', 'reject', 'merge']
      return `<li data-id="${esc(i.id)}">
        <div class="head">${i.light ? `<span class="light ${i.light}" title="${s.supervision[i.light]}"></span>` : ''}<b>${esc(i.category.name)}</b>
          <small>${when(i.reportedAt)}</small>
          <small>${esc(d?.assignment.town?.name ?? '')} ${esc(d?.assignment.grid?.name ?? '')}</small>
          ${i.stepDueAt ? `<small class="deadline">${t.reviewBy} ${when(i.stepDueAt)}</small>` : ''}</div>
        <div class="desc">${esc(i.description)}</div>
        <div class="actions">
          ${allowed.includes('accept') ? `<button type="button" class="primary" data-do="accept">${s.actions.accept}</button>
            <button type="button" class="primary" data-do="accept-dispatch">${s.actions.accept} + ${s.actions.dispatch}</button>` : ''}
          ${allowed.includes('reject') ? `<button type="button" class="danger" data-do="reject">${s.actions.reject}</button>` : ''}
        </div>
        ${d?.nearby.length ? `<div class="dups"><span>${s.incident.nearby}:</span>${d.nearby.slice(0, 3).map((n) => `
          <span class="dup">${Math.round(n.distanceM)} m · ${esc(n.description.slice(0, 30))}
          ${allowed.includes('merge') ? `<button type="button" data-do="merge" data-into="${esc(n.id)}">${t.mergeInto}</button>` : ''}</span>`).join('')}</div>` : ''}
      </li>`
    }).join('')}</ul>`
  el.querySelectorAll<HTMLButtonElement>('button[data-do]').forEach((b) =>
    b.addEventListener('click', async () => {
      const li = b.closest('li[data-id]') as HTMLElement
      const item = items!.find((x) => x.id === li.dataset.id)!
      const target = { id: item.id, nearby: item.details?.nearby }
      el.querySelectorAll<HTMLButtonElement>(`li[data-id="${item.id}"] button`).forEach((x) => (x.disabled = true))
      let ok: boolean
      if (b.dataset.do === 'accept-dispatch') ok = (await runAction(target, 'accept')) && (await runAction(target, 'dispatch'))
      else if (b.dataset.do === 'merge') ok = await runAction(target, 'merge', { into: b.dataset.into })
      else ok = await runAction(target, b.dataset.do!)
      if (ok) {
        items = items!.filter((x) => x.id !== item.id)
        li.classList.add('done')
      }
      void loadReviewQueue(redraw)
    }),
  )
}
