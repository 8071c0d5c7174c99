// Left column: the layer switcher, the category and state filters, and the legend.
import { STRINGS } from './strings.ts'
import { state, update, type LayerKey } from './state.ts'
import { HEAT_COLORS, STATE_COLORS } from './deck-layers.ts'
import { esc } from './escape-html.ts'

const TILE_KEYS: LayerKey[] = ['admin', 'grids', 'exclusive_grids', 'stations', 'incidents', 'units']
const DECK_KEYS: LayerKey[] = ['heatmap', 'hexagon', 'points', 'live']
const FILTER_STATES = ['reported', 'accepted', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'rejected', 'merged', 'shelved']

const rgb = ([r, g, b]: number[]) => `rgb(${r},${g},${b})`

export function renderLayerPanel(el: HTMLElement) {
  const t = STRINGS[state.lang]
  const tileKeys = TILE_KEYS.filter((k) => state.styleLayers.has(k))
  const keys = [...tileKeys, ...DECK_KEYS]
  const classes = state.categories
  el.innerHTML = `
    <h2>${t.layersTitle}</h2>
    <ul class="layers">${keys.map((k) => `
      <li><label><input type="checkbox" data-layer="${k}" ${state.layers[k] ? 'checked' : ''}/> ${t.layers[k]}</label></li>`).join('')}
    </ul>
    <h2>${t.filtersTitle}</h2>
    <select id="filter-category">
      <option value="">${t.allCategories}</option>
      ${classes.map((c) => `<option value="${esc(c.code)}" ${state.filters.category === c.code ? 'selected' : ''}>${esc(state.lang === 'en' && c.nameEn ? c.nameEn : c.name)}</option>`).join('')}
    </select>
    <select id="filter-status">
      <option value="">${t.allStates}</option>
      ${FILTER_STATES.map((s) => `<option value="${s}" ${state.filters.status === s ? 'selected' : ''}>${t.states[s]}</option>`).join('')}
    </select>
    <h2>${t.legendTitle}</h2>
    <div class="legend">
      <div>${t.legendHeat}</div>
      <div class="ramp" style="background:linear-gradient(to right, ${HEAT_COLORS.map(rgb).join(',')})"></div>
      <ul class="states">${Object.entries(STATE_COLORS).filter(([s]) => !['evaluated', 'merged'].includes(s)).map(([s, c]) => `
        <li><i style="background:${rgb(c)}"></i>${t.states[s]}</li>`).join('')}
      </ul>
      ${tileKeys.includes('grids') ? `<ul class="states"><li><i class="outline grid"></i>${t.layers.grids}</li><li><i class="outline exclusive"></i>${t.layers.exclusive_grids}</li></ul>` : ''}
    </div>`
  el.querySelectorAll<HTMLInputElement>('input[data-layer]').forEach((box) =>
    box.addEventListener('change', () => update({ layers: { ...state.layers, [box.dataset.layer as LayerKey]: box.checked } })),
  )
  el.querySelector<HTMLSelectElement>('#filter-category')!.addEventListener('change', (e) =>
    update({ filters: { ...state.filters, category: (e.target as HTMLSelectElement).value } }),
  )
  el.querySelector<HTMLSelectElement>('#filter-status')!.addEventListener('change', (e) =>
    update({ filters: { ...state.filters, status: (e.target as HTMLSelectElement).value } }),
  )
}
