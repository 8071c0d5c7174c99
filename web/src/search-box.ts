// The search box: GET /api/search as the user types, and a click flies the map to the place.
import type { Map as MlMap } from 'maplibre-gl'
import { STRINGS } from './strings.ts'
import { state, update } from './state.ts'
import { api } from './api-client.ts'
import { esc } from './escape-html.ts'

interface Hit { kind: string; code: string; name: string; bbox: [number, number, number, number] }
const DEBOUNCE_MS = 200

export function mountSearchBox(el: HTMLElement, map: () => MlMap | undefined) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let hits: Hit[] = []
  el.innerHTML = `<input id="search" type="search" autocomplete="off" /><ul id="search-results" hidden></ul>`
  const input = el.querySelector<HTMLInputElement>('#search')!
  const list = el.querySelector<HTMLUListElement>('#search-results')!
  const draw = () => {
    const t = STRINGS[state.lang]
    input.placeholder = t.searchPlaceholder
    list.hidden = !input.value.trim()
    list.innerHTML = hits.length
      ? hits.map((h, i) => `<li data-i="${i}"><span class="kind">${t.kinds[h.kind as keyof typeof t.kinds] ?? h.kind}</span> ${esc(h.name)} <small>${esc(h.code)}</small></li>`).join('')
      : `<li class="empty">${t.noResults}</li>`
  }
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const q = input.value.trim()
      hits = q ? (await api<{ results: Hit[] }>(`/api/search?q=${encodeURIComponent(q)}`).catch(() => ({ results: [] }))).results : []
      draw()
    }, DEBOUNCE_MS)
  })
  input.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 200)) // after a click on a result
  input.addEventListener('focus', () => (list.hidden = !input.value.trim()))
  list.addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li[data-i]') as HTMLElement | null
    if (!li) return
    const h = hits[Number(li.dataset.i)]
    const [w, s, e2, n] = h.bbox
    map()?.fitBounds([[w, s], [e2, n]], { padding: 80, maxZoom: 16, duration: 800 })
    list.hidden = true
    if (h.kind === 'grid' || h.kind === 'exclusive_grid') update({ selection: { kind: 'grid', code: h.code } })
  })
  draw()
  return { redraw: draw }
}
