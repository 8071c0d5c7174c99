// The dashboard: the headline figures of GET /api/stats/overview and the KPI charts of
// GET /api/stats/kpi (trend, by county, by department, closure and on-time rates) with ECharts,
// and the KPI table as CSV.
import * as echarts from 'echarts'
import { STRINGS } from './strings.ts'
import { state } from './state.ts'
import { api, ApiError } from './api-client.ts'
import { esc } from './escape-html.ts'
import { showNotice } from './show-notice.ts'

const KPI_DAYS = 365 // the period the charts cover
const COLORS = ['#1f5fbf', '#2a9d8f', '#e9c46a', '#e76f51'] // routed, closed, rate, on-time

interface Overview {
  grids: { basic: number; exclusive: number }
  staff: Record<string, number>
  terminals: number
  incidents: { routed: number; closed: number; closureRate: number | null }
}
/** The fields of GET /api/stats/kpi the charts read (stats/compute-kpi.ts has them all). */
interface KpiFigures { routed: number; closed: number; closureRate: number | null; onTimeRate: number | null }
export interface KpiGroup extends KpiFigures { code: string | null; name: string; nameEn: string | null }
interface Kpi { groups: KpiGroup[]; total: KpiFigures }

let overview: Overview | null = null
let kpi: Partial<Record<'day' | 'county' | 'department', Kpi | null>> = {}
const charts: echarts.ECharts[] = []

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0))
const groupName = (g: KpiGroup) => (state.lang === 'en' && g.nameEn ? g.nameEn : g.name)
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

function period() {
  const to = new Date()
  const from = new Date(to.getTime() - KPI_DAYS * 86_400_000)
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`
}

/** The KPIs of the period by one grouping; null for a role the server gives no KPIs to. */
async function loadKpi(groupBy: 'day' | 'county' | 'department'): Promise<Kpi | null> {
  try {
    return await api<Kpi>(`/api/stats/kpi?${period()}&groupBy=${groupBy}`)
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null
    throw err
  }
}

export async function loadDashboard(redraw: () => void) {
  const [o, day, county, department] = await Promise.all([
    api<Overview>('/api/stats/overview'),
    loadKpi('day'),
    loadKpi('county'),
    loadKpi('department'),
  ])
  overview = o
  kpi = { day, county, department }
  redraw()
}

/** The closure rate the dashboard shows: the KPI total when there is one, else the overview's. */
export function shownClosureRate(): number | null {
  return kpi.county?.total?.closureRate ?? overview?.incidents.closureRate ?? null
}

async function exportCsv() {
  const res = await fetch(`/api/stats/kpi?${period()}&groupBy=county`, { headers: { accept: 'text/csv', authorization: `Bearer ${state.token}` } })
  if (!res.ok) return showNotice(`${STRINGS[state.lang].error}: ${res.status}`)
  const a = document.createElement('a')
  a.href = URL.createObjectURL(await res.blob())
  a.download = 'kpi-county.csv'
  a.click()
}

export function renderDashboard(el: HTMLElement) {
  const s = STRINGS[state.lang]
  const t = s.dashboard
  for (const c of charts.splice(0)) c.dispose()
  if (!overview) return void (el.innerHTML = `<p class="muted">${s.loading}</p>`)
  const o = overview
  const workers = num(o.staff.grid_worker_fulltime) + num(o.staff.grid_worker_parttime)
  const closure = shownClosureRate()
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)
  const figures: [string, string, string][] = [
    ['grids', t.grids, o.grids.basic.toLocaleString()],
    ['exclusive', t.exclusiveGrids, o.grids.exclusive.toLocaleString()],
    ['workers', t.workers, workers.toLocaleString()],
    ['terminals', t.terminals, o.terminals.toLocaleString()],
    ['routed', t.routed, o.incidents.routed.toLocaleString()],
    ['closed', t.closed, o.incidents.closed.toLocaleString()],
    ['closure', t.closureRate, pct(o.incidents.closureRate)],
  ]
  const hasKpi = Boolean(kpi.county || kpi.day || kpi.department)
  el.innerHTML = `
    <div class="figures">${figures.map(([k, label, v]) => `<div class="figure" data-figure="${k}"><b>${esc(v)}</b><span>${label}</span></div>`).join('')}</div>
    <div class="toolbar">${hasKpi ? `<button type="button" id="export-csv">${t.exportCsv}</button>` : `<span class="muted" id="kpi-unavailable">${t.kpiUnavailable}</span>`}</div>
    <div class="charts">
      <div class="chart" id="chart-rate" data-closure-rate="${closure ?? ''}"></div>
      <div class="chart wide" id="chart-trend"></div>
      <div class="chart" id="chart-county"></div>
      <div class="chart" id="chart-department"></div>
    </div>`
  el.querySelector('#export-csv')?.addEventListener('click', exportCsv)
  // The rate gauges draw as SVG: their figures stay text a screen reader (and a test) can read.
  const chart = (id: string, option: echarts.EChartsOption, renderer: 'canvas' | 'svg' = 'canvas') => {
    const c = echarts.init(el.querySelector<HTMLElement>(`#${id}`)!, undefined, { renderer })
    // No animation: the figures are read at a glance (and a screenshot never catches a half-drawn line).
    c.setOption({ textStyle: { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, sans-serif' }, color: COLORS, animation: false, ...option })
    charts.push(c)
  }
  const onTime = kpi.county?.total?.onTimeRate ?? null
  chart('chart-rate', {
    title: { text: `${t.closureRate} / ${t.onTime}`, left: 'center' },
    series: [
      { type: 'gauge', name: t.closureRate, center: ['28%', '60%'], radius: '70%', min: 0, max: 100, progress: { show: true },
        detail: { formatter: '{value}%', fontSize: 22 }, data: [{ value: closure === null ? 0 : Math.round(closure * 1000) / 10, name: t.closureRate }] },
      { type: 'gauge', name: t.onTime, center: ['74%', '60%'], radius: '70%', min: 0, max: 100, progress: { show: true }, itemStyle: { color: COLORS[3] },
        detail: { formatter: '{value}%', fontSize: 22 }, data: [{ value: onTime === null ? 0 : Math.round(onTime * 1000) / 10, name: t.onTime }] },
    ],
  }, 'svg')
  const bars = (k: Kpi | null | undefined, title: string): echarts.EChartsOption => ({
    title: { text: title, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { top: 38, left: 'center' }, // under the title
    grid: { top: 80, bottom: 60, left: 50, right: 50 },
    xAxis: { type: 'category', data: (k?.groups ?? []).map(groupName), axisLabel: { rotate: 30 } },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { type: 'bar', name: t.series.routed, data: (k?.groups ?? []).map((g) => g.routed) },
      { type: 'bar', name: t.series.closed, data: (k?.groups ?? []).map((g) => g.closed) },
      { type: 'line', name: t.series.closureRate, yAxisIndex: 1, data: (k?.groups ?? []).map((g) => percent(g.closureRate)) },
      { type: 'line', name: t.series.onTimeRate, yAxisIndex: 1, data: (k?.groups ?? []).map((g) => percent(g.onTimeRate)) },
    ],
  })
  chart('chart-trend', {
    title: { text: t.trend, left: 'center' },
    tooltip: { trigger: 'axis' },
    legend: { top: 38, left: 'center' },
    grid: { top: 80, bottom: 40, left: 50, right: 30 },
    xAxis: { type: 'category', data: (kpi.day?.groups ?? []).map((g) => g.code ?? g.name) },
    yAxis: { type: 'value' },
    series: [
      { type: 'line', name: t.series.routed, smooth: true, showSymbol: false, data: (kpi.day?.groups ?? []).map((g) => g.routed) },
      { type: 'line', name: t.series.closed, smooth: true, showSymbol: false, data: (kpi.day?.groups ?? []).map((g) => g.closed) },
    ],
  })
  chart('chart-county', bars(kpi.county, t.byCounty))
  chart('chart-department', bars(kpi.department, t.byDepartment))
}

export function resizeCharts() {
  for (const c of charts) c.resize()
}
