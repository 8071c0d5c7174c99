// The people who work the grids and their terminals (the "1 + 1 + 1 + N" team: a grid head, a
// village administrator, a community police officer and N grid workers). At scale 1 the counts
// are the source city's; the per-grid and per-village roles follow the geography at every scale.
import { seededRandom, type SeededRandom } from './seeded-random.ts'
import type { GridRow, SeedOptions, StationRow, SyntheticGeography } from './synthetic-city.ts'
import { weightedIndex } from './weighted-index.ts'

const FULLTIME_WORKERS = 3_057     // 专职网格员, in urban communities
const PARTTIME_WORKERS = 54_629    // 兼职网格员, everywhere
const TERMINALS = 12_551           // handheld terminals issued
const STREAM = 0x5a7f              // xored into the seed so this generator has its own stream
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰红梅志文海燕云飞鹏辉俊宇浩然欣怡婷雪晨阳佳琪子涵梓萱一诺家豪思远春生秋菊德福永康宏伟晓东丹凤立新卫东小龙']
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
  '155', '157', '158', '159', '180', '181', '182', '186', '187', '188', '189']  // real carrier blocks
const PHONE_STRIDE = 7_919         // prime, coprime with 10^8: distinct staff get distinct suffixes

export type StaffRole = 'grid_head' | 'grid_worker_fulltime' | 'grid_worker_parttime' | 'village_admin' | 'community_officer'

export interface StaffRow {
  name: string
  role: StaffRole
  gridCode: string | null          // basic grid for heads and workers
  villageCode: string
  stationCode: string | null       // the station whose jurisdiction holds the village
  phone: string
}

export interface TerminalRow {
  serial: string
  staffIndex: number               // index into `staff`
}

export interface SynthesizedStaff { staff: StaffRow[]; terminals: TerminalRow[] }

export function synthesizeStaff(geo: SyntheticGeography, stations: readonly StationRow[], opts: SeedOptions): SynthesizedStaff {
  const rng = seededRandom(opts.seed ^ STREAM)
  const basic = geo.grids.filter(g => g.kind === 'basic')
  const villages = geo.adminUnits.filter(a => a.level === 'village')
  const urbanVillages = new Set(villages.filter(v => v.urban).map(v => v.code))
  const stationOf = new Map<string, string>()
  for (const s of stations) for (const v of s.villageCodes) stationOf.set(v, s.code)

  const staff: StaffRow[] = []
  const add = (role: StaffRole, villageCode: string, gridCode: string | null) => staff.push({
    name: chineseName(rng), role, gridCode, villageCode, stationCode: stationOf.get(villageCode) ?? null,
    phone: mobileNumber(rng, staff.length),
  })
  for (const g of basic) add('grid_head', g.villageCode, g.code)
  const urbanGrids = basic.filter(g => urbanVillages.has(g.villageCode))
  for (const g of spread(rng, Math.round(FULLTIME_WORKERS * opts.scale), urbanGrids.length ? urbanGrids : basic)) {
    add('grid_worker_fulltime', g.villageCode, g.code)
  }
  for (const g of spread(rng, Math.round(PARTTIME_WORKERS * opts.scale), basic)) add('grid_worker_parttime', g.villageCode, g.code)
  for (const v of villages) add('village_admin', v.code, null)
  for (const v of villages) add('community_officer', v.code, null)

  // Staff are listed heads first, then full-time workers: the order terminals are issued in.
  const terminalCount = Math.min(Math.round(TERMINALS * opts.scale), staff.length)
  const terminals: TerminalRow[] = []
  for (let i = 0; i < terminalCount; i++) terminals.push({ serial: `NTWG-${String(i + 1).padStart(6, '0')}`, staffIndex: i })
  return { staff, terminals }
}

/**
 * `count` grids for `count` workers: every grid first gets an equal share, the remainder goes to
 * grids drawn by population, so busy grids carry more hands and no grid is left empty when the
 * count allows it.
 */
function spread(rng: SeededRandom, count: number, grids: readonly GridRow[]): GridRow[] {
  if (grids.length === 0 || count <= 0) return []
  const out: GridRow[] = []
  const each = Math.floor(count / grids.length)
  for (const g of grids) for (let k = 0; k < each; k++) out.push(g)
  const draw = weightedIndex(grids.map(g => Math.max(1, g.population)))
  const extra: number[] = []
  for (let k = out.length; k < count; k++) extra.push(draw(rng.next()))
  for (const i of extra.sort((a, b) => a - b)) out.push(grids[i])
  return out
}

function chineseName(rng: SeededRandom): string {
  const given = rng.next() < 0.7 ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN)
  return rng.pick(SURNAMES) + given
}

function mobileNumber(rng: SeededRandom, index: number): string {
  const suffix = (index * PHONE_STRIDE + 12_345) % 100_000_000
  return rng.pick(MOBILE_PREFIXES) + String(suffix).padStart(8, '0')
}
