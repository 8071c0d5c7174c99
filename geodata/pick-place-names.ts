// Plausible synthetic place names for communities, villages, roads and facilities, built from
// syllables common in Jiangsu place names. They are made up: no name here claims to be real.
import type { SeededRandom } from './seeded-random.ts'

export const PLACE_SYLLABLES = [ // two-character stems for 社区/村 names
  '和平', '新华', '光明', '东风', '红旗', '友谊', '长江', '通富', '桃园', '建设', '幸福', '胜利',
  '团结', '民主', '振兴', '繁荣', '永安', '太平', '新民', '三星', '五一', '八一', '向阳', '朝阳',
  '红星', '东方', '新港', '南川', '北街', '西园', '东园', '花园', '秀水', '文化', '金桥', '银杏',
  '青年', '湖滨', '滨江', '新城', '育才', '锦绣', '城隆', '富民', '兴隆', '丰收', '跃进', '星火',
  '联合', '合兴', '双桥', '三里', '凤凰', '平安', '康乐', '福安', '和兴', '德胜', '龙王', '清河',
  '碧霞', '田园', '港城', '南苑', '北苑', '东苑', '西苑', '曙光', '红光', '利民', '安居', '长乐',
  '永兴', '兴旺', '三合', '四合', '新桥', '大树', '腰庄', '新河', '盐仓', '丁埝', '白塔', '沙港',
  '海晏', '观河', '濠西', '虹东', '钟楼', '文峰', '学府', '园林', '江景', '通甲', '东港', '西亭',
] as const

export const ROAD_STEMS = [ // street names for station addresses
  '人民', '解放', '建设', '青年', '工农', '跃进', '通富', '长江', '世纪', '崇文', '濠河', '南大',
  '江海', '新华', '文峰', '中央', '振兴', '团结', '友谊', '和平', '幸福', '园林', '滨江', '港闸',
] as const

const DIRECTIONS = ['东', '南', '西', '北', '新', '中'] // prefixes once the stems run out

/** `count` distinct names `stem + suffix`, in random order. */
export function pickPlaceNames(rng: SeededRandom, count: number, suffix: string): string[] {
  const stems = rng.shuffle(PLACE_SYLLABLES)
  const out: string[] = []
  for (let round = 0; out.length < count; round++) {
    // First the plain stems, then 东/南/…-prefixed ones (东和平, 南和平 …), then numbered ones.
    const prefix = round === 0 ? '' : round <= DIRECTIONS.length ? DIRECTIONS[round - 1] : String(round)
    for (const s of stems) {
      if (out.length >= count) break
      out.push(`${prefix}${s}${suffix}`)
    }
  }
  return out
}
