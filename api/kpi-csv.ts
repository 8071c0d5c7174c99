// KPI tables as CSV for spreadsheets: UTF-8 with a byte-order mark (Excel reads Chinese names
// only then), CRLF line ends (RFC 4180), a header row in zh-CN or, with lang=en, in English,
// one row per group and a last row with the total.
import type { KpiFigures, KpiResult } from '../stats/compute-kpi.ts'

const BOM = '\uFEFF'

/** Columns in order: the figure, its zh-CN and English headers. */
const COLUMNS: [keyof KpiFigures, string, string][] = [
  ['total', '上报数', 'reported'],
  ['accepted', '受理数', 'accepted'],
  ['rejected', '不予受理数', 'rejected'],
  ['merged', '合并数', 'merged'],
  ['routed', '流转数', 'routed'],
  ['closed', '办结数', 'closed'],
  ['closureRate', '办结率', 'closure rate'],
  ['onTime', '按期办结数', 'closed on time'],
  ['onTimeRate', '按期办结率', 'on-time rate'],
  ['overdue', '超期数', 'overdue'],
  ['overdueOpen', '在办超期数', 'overdue open'],
  ['closedLate', '超期办结数', 'closed late'],
  ['rework', '返工次数', 'rework'],
  ['reworked', '返工事件数', 'reworked incidents'],
  ['extensions', '延期次数', 'extensions'],
  ['returns', '退单次数', 'returns'],
  ['escalations', '督办升级次数', 'escalations'],
  ['shelved', '挂账数', 'shelved'],
  ['selfResolved', '自处置数', 'self-resolved'],
  ['closeHoursMean', '平均办结时长(小时)', 'mean hours to close'],
  ['closeHoursP90', '90%办结时长(小时)', 'p90 hours to close'],
  ['satisfactionMean', '平均满意度', 'mean satisfaction'],
  ['satisfactionCount', '评价数', 'ratings'],
]

export function kpiCsv(result: KpiResult, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh'
  const header = [zh ? '编码' : 'code', zh ? '名称' : 'name', ...COLUMNS.map(([, z, e]) => (zh ? z : e))]
  const line = (code: string, name: string, f: KpiFigures) => [code, name, ...COLUMNS.map(([k]) => (f[k] === null ? '' : String(f[k])))]
  const rows = [
    header,
    ...result.groups.map((g) => line(g.code ?? '', zh || !g.nameEn ? g.name : g.nameEn, g)),
    line('', zh ? '合计' : 'Total', result.total),
  ]
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function field(text: string): string {
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}
