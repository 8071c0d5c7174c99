// Bottom bar: the time window over the heat data. The slider moves the window's end; presets set
// its width; play steps it through the data. Only the GPU filter range changes (deck-layers.ts).
import { STRINGS } from './strings.ts'
import { state, update } from './state.ts'
import { countInWindow } from './heat-data.ts'
import { formatShort } from './format-time.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const PRESETS = [['h24', DAY], ['d7', 7 * DAY], ['d30', 30 * DAY]] as const
const PLAY_STEP_MS = 300 // one bucket per tick
let timer: ReturnType<typeof setInterval> | undefined

const fmt = (ms: number) => formatShort(ms, state.lang)

function step() {
  const [from, to] = state.time.domain
  const stepMs = state.heat ? state.heat.bucketHours * HOUR : DAY
  let end = state.time.end + stepMs
  if (end > to) end = Math.min(to, from + state.time.window)
  update({ time: { ...state.time, end } })
}

export function renderTimeSlider(el: HTMLElement) {
  const t = STRINGS[state.lang]
  const [from, to] = state.time.domain
  const stepMs = state.heat ? state.heat.bucketHours * HOUR : HOUR
  el.innerHTML = `
    <span class="label">${t.time.title}</span>
    <button type="button" id="play" class="primary">${state.time.playing ? t.time.pause : t.time.play}</button>
    ${PRESETS.map(([k, ms]) => `<button type="button" data-window="${ms}" class="${state.time.window === ms ? 'on' : ''}">${t.time[k]}</button>`).join('')}
    <input id="time-end" type="range" min="${from + state.time.window}" max="${to}" step="${stepMs}" value="${state.time.end}" ${from + state.time.window >= to ? 'disabled' : ''} />
    <span id="time-label"></span>`
  updateTimeLabel(el)
  el.querySelector('#play')!.addEventListener('click', () => {
    const playing = !state.time.playing
    clearInterval(timer)
    if (playing) timer = setInterval(step, PLAY_STEP_MS)
    update({ time: { ...state.time, playing } })
  })
  el.querySelectorAll<HTMLButtonElement>('button[data-window]').forEach((b) =>
    b.addEventListener('click', () => update({ time: { ...state.time, window: Number(b.dataset.window), end: state.time.domain[1] } })),
  )
  el.querySelector<HTMLInputElement>('#time-end')!.addEventListener('input', (e) =>
    update({ time: { ...state.time, end: Number((e.target as HTMLInputElement).value) } }),
  )
}

/** The window's dates and its incident count: cheap, so it runs on every slider move. */
export function updateTimeLabel(el: HTMLElement) {
  const t = STRINGS[state.lang]
  const label = el.querySelector('#time-label')
  const start = state.time.end - state.time.window
  const n = state.heat ? countInWindow(state.heat, start, state.time.end) : 0
  if (label) label.textContent = `${fmt(start)} – ${fmt(state.time.end)} · ${n} ${t.time.incidents}`
  const input = el.querySelector<HTMLInputElement>('#time-end')
  if (input && Number(input.value) !== state.time.end) input.value = String(state.time.end)
}
