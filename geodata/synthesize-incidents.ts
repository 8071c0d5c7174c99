// Nine months of synthetic incidents for the seed: what was reported (category by the taxonomy
// weights), where (incident-places.ts), when (incident-rhythm.ts), by which channel, and where it
// stands in the closed loop (incident-lifecycle.ts). Rows map onto the incident table.
import { assignStatuses, lifecycleCounts, lifecycleFor, loopHistoryFor, type HandlingLevel, type IncidentStatus, type LoopHistory } from './incident-lifecycle.ts'
import { incidentPlaceSampler, type IncidentPlace, type IncidentPlaceSampler, type LonLat } from './incident-places.ts'
import { beijingClock, reportedAtSampler } from './incident-rhythm.ts'
import { seededRandom, type SeededRandom } from './seeded-random.ts'
import type { SeedOptions, StationRow, SyntheticGeography } from './synthetic-city.ts'
import { CATEGORIES, type Category } from './taxonomy.ts'
import { weightedIndex } from './weighted-index.ts'

export { lifecycleCounts } from './incident-lifecycle.ts'

const STREAM = 0x1dc1              // xored into the seed so this generator has its own stream
const LOOP_STREAM = 0x100b         // and the loop history its own: adding it changed no other column
const MERGE_LOOKBACK = 40          // a merged report duplicates one of the 40 reported just before it
const HOUR_MS = 3_600_000          // one hour in ms
const NIGHT_HOURS = [22, 23, 0, 1, 2, 3, 4, 5]  // grid workers are off; calls still come in
const SOURCES = [['terminal', 0.6], ['hotline', 0.2], ['110', 0.06], ['video', 0.08], ['inspection', 0.06]] as const
const ROADS = ['人民路', '青年路', '工农路', '濠河路', '崇川路', '长江路', '通富路', '世纪大道', '园林路', '钟秀路',
  '城山路', '跃龙路', '姚港路', '桃坞路', '南大街', '北大街', '江海大道', '紫琅路']  // Nantong street names
const SEEN = ['{p}发现{c}，请及时处置', '巡查发现{p}{c}', '{p}{c}，需协调处理']  // {p} place, {c} category
const CALLED_IN = ['群众反映{p}存在{c}问题', '市民来电：{p}附近{c}，影响周边居民', '{p}{c}，群众要求尽快处理']

export type IncidentSource = (typeof SOURCES)[number][0]

export interface IncidentRow extends LoopHistory {
  id: string                       // UUID v4 shape, from the seeded PRNG
  source: IncidentSource
  categoryCode: string
  description: string
  address: string
  location: LonLat                 // WGS-84, inside gridCode
  reportedAt: Date
  gridCode: string
  exclusiveGridCodes: string[]
  stationCode: string | null       // the station whose jurisdiction holds the village
  villageCode: string
  townCode: string
  countyCode: string
  status: IncidentStatus
  handlingLevel: HandlingLevel | null
  departmentCode: string
  mergedInto: string | null        // the earlier incident a duplicate was merged into
  dueAt: Date
  closedAt: Date | null
  satisfaction: number | null      // 1–5, evaluated incidents only
  selfResolved: boolean            // settled by the village itself (自处置)
}

interface Draft {
  reportedAt: number; category: Category; place: IncidentPlace; source: IncidentSource; id: string
  mergedInto: string | null
}

/** round(50,600 × scale) incidents over the nine months before `opts.now`, sorted by reportedAt. */
export function synthesizeIncidents(geo: SyntheticGeography, stations: readonly StationRow[], opts: SeedOptions): IncidentRow[] {
  const rng = seededRandom(opts.seed ^ STREAM)
  const loopRng = seededRandom(opts.seed ^ LOOP_STREAM)
  const counts = lifecycleCounts(opts.scale)
  const places = incidentPlaceSampler(geo, rng)
  const when = reportedAtSampler(rng, opts.now)
  const drawCategory = weightedIndex(CATEGORIES.map(c => c.weight))
  const names = new Map(geo.adminUnits.map(a => [a.code, a.name]))
  const urban = new Set(geo.adminUnits.filter(a => a.urban).map(a => a.code))
  const stationOf = new Map<string, string>()
  for (const s of stations) for (const v of s.villageCodes) stationOf.set(v, s.code)

  const drafts: Draft[] = []
  for (let i = 0; i < counts.total; i++) {
    const reportedAt = when.sample()
    const category = CATEGORIES[drawCategory(rng.next())]
    const place = places.sample(category)
    drafts.push({ reportedAt, category, place, source: sourceFor(rng, category, reportedAt), id: uuid(rng), mergedInto: null })
  }
  drafts.sort(byTime)
  const statuses = assignStatuses(drafts.map(d => d.reportedAt), counts, rng)
  drafts.forEach((d, i) => { if (statuses[i] === 'merged') mergeIntoEarlier(d, i, drafts, statuses, places, rng, when.end) })

  const rows = drafts.map((d, i): IncidentRow => {
    const { category, place: { grid, location, exclusive } } = d
    const life = lifecycleFor(statuses[i], d.reportedAt, category, rng, opts.now)
    const loop = loopHistoryFor(life, d.reportedAt, category, loopRng, opts.now)
    const villageCode = grid.villageCode
    // Streets in town, village groups (村民小组) in the countryside, or the school, market … itself.
    const spot = exclusive[0]?.name
      ?? (urban.has(villageCode) ? `${rng.pick(ROADS)}${rng.int(1, 300)}号` : `${names.get(villageCode)}${rng.int(1, 12)}组`)
    const townCode = villageCode.slice(0, 9) + '000'
    const countyCode = villageCode.slice(0, 6) + '000000'
    const templates = d.source === 'hotline' || d.source === '110' ? CALLED_IN : SEEN
    return {
      id: d.id, source: d.source, categoryCode: category.code,
      description: rng.pick(templates).replace('{p}', spot).replace('{c}', category.name),
      address: `南通市${names.get(countyCode) ?? ''}${names.get(townCode) ?? ''}${spot}`,
      location, reportedAt: new Date(d.reportedAt), gridCode: grid.code, exclusiveGridCodes: exclusive.map(g => g.code),
      stationCode: stationOf.get(villageCode) ?? null, villageCode, townCode, countyCode,
      status: life.status, handlingLevel: life.handlingLevel, departmentCode: category.departmentCode,
      mergedInto: d.mergedInto, dueAt: life.dueAt, closedAt: life.closedAt, satisfaction: life.satisfaction,
      selfResolved: life.selfResolved, ...loop,
    }
  })
  // Merged duplicates moved in time; keep the order so every merge target precedes its duplicate.
  return rows.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime() || (a.id < b.id ? -1 : 1))
}

function byTime(a: Draft, b: Draft): number {
  return a.reportedAt - b.reportedAt || (a.id < b.id ? -1 : 1)
}

/**
 * Turns draft i into a second report of a live incident reported shortly before it (or, for the
 * very first reports, shortly after): same category, a point nearby, within the duplicate window.
 */
function mergeIntoEarlier(d: Draft, i: number, drafts: Draft[], statuses: IncidentStatus[],
  places: IncidentPlaceSampler, rng: SeededRandom, end: number): void {
  const live = (j: number) => statuses[j] !== 'merged' && statuses[j] !== 'rejected'
  let j = Math.max(0, i - 1 - Math.floor(rng.next() * MERGE_LOOKBACK))
  while (j >= 0 && !live(j)) j--
  if (j < 0) for (j = i + 1; j < drafts.length && !live(j); j++);
  const target = drafts[j]
  if (!target) return            // nothing live to merge into: only possible in a tiny seed
  const windowMs = Math.min(target.category.duplicateWindowH, 24) * HOUR_MS
  d.category = target.category
  d.place = places.near(target.place, Math.max(10, target.category.duplicateRadiusM / 2))
  d.reportedAt = target.reportedAt + Math.min(windowMs * (0.05 + 0.95 * rng.next()), (end - target.reportedAt) * rng.next())
  d.mergedInto = target.id
}

/** Grid terminals dominate by day; at night the hotline and 110 carry most reports. */
function sourceFor(rng: SeededRandom, category: Category, reportedAt: number): IncidentSource {
  const night = NIGHT_HOURS.includes(beijingClock(reportedAt).hour)
  const weights = SOURCES.map(([source, w]) => w
    * (source === '110' && category.policeRelevant ? 6 : 1)
    * (night && (source === 'terminal' || source === 'inspection') ? 0.15 : 1))
  let u = rng.next() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < SOURCES.length; i++) if ((u -= weights[i]) < 0) return SOURCES[i][0]
  return SOURCES[0][0]
}

/** A random (version 4, variant 10) UUID drawn from the seeded PRNG. */
function uuid(rng: SeededRandom): string {
  let hex = ''
  for (let i = 0; i < 4; i++) hex += Math.floor(rng.next() * 0x1_0000_0000).toString(16).padStart(8, '0')
  const variant = (8 + Math.floor(rng.next() * 4)).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
