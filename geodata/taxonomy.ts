// The event taxonomy: the 13 handling departments, the major classes and the minor classes
// (categories) every report is filed under. Classes follow the spirit of GB/T 30428.2 / CJ/T 214
// city-management event classes, widened with the social-governance classes Chinese grid
// platforms add (disputes, public security, school safety …). Rows map one to one onto the
// department, category_class and category tables of migrations/0002_core_schema.sql.
import type { ExclusiveType } from './synthetic-city.ts'

export type TimeLimitUnit = 'natural_hours' | 'working_hours' | 'working_days'

export interface Department { code: string; name: string; nameEn: string }
export interface CategoryClass { code: string; name: string; nameEn: string }

export interface Category {
  code: string                  // class code + 2 digits
  classCode: string
  name: string
  nameEn: string
  departmentCode: string        // the default handling department
  policeRelevant: boolean       // goes to the station (派出所) whose jurisdiction holds the point
  selfResolvable: boolean       // 自处置: the village/community may settle it itself
  exclusiveTypes: ExclusiveType[]  // exclusive grids that answer for it
  priority: 1 | 2 | 3 | 4       // 1 = most urgent
  timeLimit: number
  timeLimitUnit: TimeLimitUnit
  duplicateRadiusM: number      // two reports this close …
  duplicateWindowH: number      // … and this close in time are candidate duplicates
  weight: number                // relative frequency for the synthetic incident generator
}

export const POLICE_DEPARTMENT = 'police110'  // where every police-relevant category goes

export const DEPARTMENTS: readonly Department[] = [
  { code: 'hotline12345', name: '12345政务服务便民热线', nameEn: '12345 government service hotline' },
  { code: 'citymgmt', name: '数字城管', nameEn: 'Digital city management' },
  { code: POLICE_DEPARTMENT, name: '110公安', nameEn: '110 police' },
  { code: 'transport', name: '交通运输', nameEn: 'Transport' },
  { code: 'approval', name: '行政审批', nameEn: 'Administrative approval' },
  { code: 'natres', name: '自然资源和规划', nameEn: 'Natural resources and planning' },
  { code: 'market', name: '市场监管', nameEn: 'Market regulation' },
  { code: 'health', name: '卫生健康', nameEn: 'Health' },
  { code: 'housing', name: '住房和城乡建设', nameEn: 'Housing and urban-rural development' },
  { code: 'fire', name: '消防救援', nameEn: 'Fire and rescue' },
  { code: 'civil', name: '民政', nameEn: 'Civil affairs' },
  { code: 'hrss', name: '人力资源和社会保障', nameEn: 'Human resources and social security' },
  { code: 'justice', name: '司法', nameEn: 'Justice' },
]

export const CATEGORY_CLASSES: readonly CategoryClass[] = [
  { code: '01', name: '市容环境', nameEn: 'City appearance' },
  { code: '02', name: '宣传广告', nameEn: 'Advertising' },
  { code: '03', name: '施工管理', nameEn: 'Construction management' },
  { code: '04', name: '街面秩序', nameEn: 'Street order' },
  { code: '05', name: '突发事件', nameEn: 'Emergencies' },
  { code: '06', name: '公共设施', nameEn: 'Public facilities' },
  { code: '07', name: '道路交通', nameEn: 'Roads and traffic' },
  { code: '08', name: '社会治安', nameEn: 'Public security' },
  { code: '09', name: '矛盾纠纷', nameEn: 'Disputes' },
  { code: '10', name: '安全生产', nameEn: 'Workplace safety' },
  { code: '11', name: '消防安全', nameEn: 'Fire safety' },
  { code: '12', name: '食品药品', nameEn: 'Food and drugs' },
  { code: '13', name: '环境保护', nameEn: 'Environmental protection' },
  { code: '14', name: '民生服务', nameEn: 'Public services and welfare' },
  { code: '15', name: '校园安全', nameEn: 'School safety' },
  { code: '16', name: '医疗卫生', nameEn: 'Health and medical' },
  { code: '17', name: '自然资源', nameEn: 'Land and natural resources' },
]

// Flags for the table below: P = police-relevant, S = self-resolvable at village level.
type Flags = '' | 'P' | 'S'
// A time limit written the way the handling rules are: '2h' natural hours, '8wh' working hours,
// '3wd' working days.
type Limit = `${number}${'h' | 'wh' | 'wd'}`
interface Extra { ex?: ExclusiveType[]; dup?: [radiusM: number, windowH: number] }

const DEFAULT_DUPLICATE: [number, number] = [100, 72]  // metres, hours: most street-level reports
const NOT_PLACE_BOUND: [number, number] = [0, 1]  // enquiries: the same question twice is not one event
const PARK: ExclusiveType[] = ['industrial_park', 'enterprise']  // where workplace rules apply

function category(code: string, name: string, nameEn: string, departmentCode: string,
  limit: Limit, priority: Category['priority'], weight: number, flags: Flags = '',
  extra: Extra = {}): Category {
  const m = /^(\d+(?:\.\d+)?)(h|wh|wd)$/.exec(limit)!
  const unit: TimeLimitUnit = m[2] === 'h' ? 'natural_hours' : m[2] === 'wh' ? 'working_hours' : 'working_days'
  const [duplicateRadiusM, duplicateWindowH] = extra.dup ?? DEFAULT_DUPLICATE
  return {
    code, classCode: code.slice(0, 2), name, nameEn, departmentCode,
    policeRelevant: flags === 'P', selfResolvable: flags === 'S', exclusiveTypes: extra.ex ?? [],
    priority, timeLimit: Number(m[1]), timeLimitUnit: unit, duplicateRadiusM, duplicateWindowH, weight,
  }
}

// Weights are per-mille-ish shares of what grid workers and the hotline actually file: street
// clutter and rubbish dominate, emergencies are rare.
export const CATEGORIES: readonly Category[] = [
  category('0101', '暴露垃圾', 'Exposed rubbish', 'citymgmt', '8wh', 3, 140, 'S', { dup: [50, 48] }),
  category('0102', '乱堆物堆料', 'Piled materials and debris', 'citymgmt', '2wd', 4, 110, 'S'),
  category('0103', '道路不洁', 'Dirty street', 'citymgmt', '8wh', 4, 60, 'S'),
  category('0104', '垃圾满溢', 'Overflowing rubbish bins', 'citymgmt', '4wh', 3, 70, 'S', { dup: [50, 24] }),
  category('0105', '乱涂写乱张贴', 'Graffiti and fly-posting', 'citymgmt', '2wd', 4, 50, 'S'),
  category('0106', '河道漂浮物', 'Floating debris in a waterway', 'citymgmt', '2wd', 4, 30, 'S', { dup: [300, 72] }),
  category('0201', '违规户外广告', 'Unauthorised outdoor advertising', 'citymgmt', '5wd', 4, 25),
  category('0202', '非法小广告', 'Illegal small ads', 'citymgmt', '2wd', 4, 45, 'S'),
  category('0203', '占道广告牌', 'Sign board on the pavement', 'citymgmt', '1wd', 4, 20, 'S'),
  category('0301', '施工噪声扰民', 'Construction noise', 'housing', '8wh', 3, 35, '', { ex: ['construction_site'], dup: [300, 24] }),
  category('0302', '工地扬尘', 'Construction dust', 'housing', '8wh', 3, 30, '', { ex: ['construction_site'], dup: [300, 48] }),
  category('0303', '渣土撒漏', 'Spilled muck from trucks', 'citymgmt', '4wh', 3, 20, '', { ex: ['construction_site'] }),
  category('0304', '违法建设', 'Illegal construction', 'citymgmt', '5wd', 3, 35, '', { dup: [50, 168] }),
  category('0305', '施工占道', 'Works occupying the road', 'transport', '2wd', 4, 15, '', { ex: ['construction_site'] }),
  category('0401', '占道经营', 'Street vending on the road', 'citymgmt', '4wh', 3, 100, 'S'),
  category('0402', '店外经营', 'Trading outside the shop', 'citymgmt', '1wd', 4, 80, 'S', { dup: [50, 72] }),
  category('0403', '非机动车乱停放', 'Disorderly bicycle and e-bike parking', 'citymgmt', '1wd', 4, 70, 'S'),
  category('0404', '机动车违停', 'Illegally parked vehicle', POLICE_DEPARTMENT, '2h', 3, 60, 'P', { dup: [50, 6] }),
  category('0405', '流浪乞讨', 'Begging and vagrancy', 'civil', '1wd', 3, 10, '', { ex: ['transport_hub'] }),
  category('0501', '火情', 'Fire outbreak', 'fire', '1h', 1, 6, '', { dup: [300, 6] }),
  category('0502', '燃气泄漏', 'Gas leak', 'fire', '1h', 1, 5, '', { dup: [200, 6] }),
  category('0503', '道路积水', 'Waterlogged road', 'citymgmt', '4h', 2, 15, '', { dup: [300, 12] }),
  category('0504', '道路塌陷', 'Road collapse', 'housing', '2h', 1, 4, '', { dup: [100, 24] }),
  category('0505', '危房险情', 'Dangerous building', 'housing', '12h', 2, 6, '', { dup: [50, 168] }),
  category('0601', '井盖缺失破损', 'Missing or broken manhole cover', 'citymgmt', '2h', 2, 30, '', { dup: [30, 168] }),
  category('0602', '路灯故障', 'Street light out', 'citymgmt', '3wd', 4, 40, '', { dup: [50, 168] }),
  category('0603', '绿化损坏', 'Damaged greenery', 'citymgmt', '5wd', 4, 30, 'S'),
  category('0604', '公厕设施损坏', 'Damaged public toilet', 'citymgmt', '2wd', 4, 15, '', { dup: [50, 168] }),
  category('0605', '公交站亭损坏', 'Damaged bus shelter', 'transport', '5wd', 4, 10, '', { ex: ['transport_hub'], dup: [50, 168] }),
  category('0701', '道路破损', 'Damaged road surface', 'transport', '5wd', 3, 35, '', { dup: [100, 168] }),
  category('0702', '交通信号故障', 'Traffic signal fault', POLICE_DEPARTMENT, '4h', 2, 12, 'P', { dup: [100, 24] }),
  category('0703', '交通拥堵', 'Traffic congestion', POLICE_DEPARTMENT, '1h', 2, 20, 'P', { ex: ['transport_hub'], dup: [300, 2] }),
  category('0704', '交通事故', 'Traffic accident', POLICE_DEPARTMENT, '1h', 1, 18, 'P', { dup: [200, 3] }),
  category('0705', '非法营运', 'Unlicensed taxi', 'transport', '5wd', 4, 8, '', { ex: ['transport_hub'] }),
  category('0801', '打架斗殴', 'Fight', POLICE_DEPARTMENT, '1h', 1, 10, 'P', { dup: [200, 3] }),
  category('0802', '盗窃', 'Theft', POLICE_DEPARTMENT, '24h', 2, 15, 'P', { dup: [100, 24] }),
  category('0803', '可疑人员', 'Suspicious person', POLICE_DEPARTMENT, '2h', 2, 10, 'P', { dup: [200, 6] }),
  category('0804', '涉赌涉黄线索', 'Gambling or prostitution lead', POLICE_DEPARTMENT, '3wd', 3, 5, 'P'),
  category('0805', '社会生活噪声', 'Neighbourhood noise', POLICE_DEPARTMENT, '2h', 3, 30, 'P', { dup: [100, 12] }),
  category('0806', '电信诈骗线索', 'Telecom fraud lead', POLICE_DEPARTMENT, '3wd', 3, 6, 'P'),
  category('0807', '医院周边秩序', 'Order around a hospital', POLICE_DEPARTMENT, '2h', 2, 6, 'P', { ex: ['hospital'], dup: [300, 6] }),
  category('0901', '邻里纠纷', 'Neighbour dispute', 'justice', '5wd', 3, 45, 'S', { dup: [50, 168] }),
  category('0902', '婚姻家庭纠纷', 'Family dispute', 'justice', '5wd', 3, 20, 'S', { dup: [50, 168] }),
  category('0903', '劳资纠纷', 'Unpaid wages dispute', 'hrss', '5wd', 3, 20, '', { ex: ['enterprise', 'construction_site'] }),
  category('0904', '物业纠纷', 'Property management dispute', 'housing', '5wd', 4, 30, '', { ex: ['residential_estate'] }),
  category('0905', '土地纠纷', 'Land dispute', 'natres', '10wd', 4, 10, 'S', { dup: [200, 168] }),
  category('1001', '企业安全生产隐患', 'Workplace safety hazard', 'fire', '2wd', 2, 15, '', { ex: PARK }),
  category('1002', '特种设备隐患', 'Lift or boiler hazard', 'market', '1wd', 2, 10, '', { ex: [...PARK, 'residential_estate'] }),
  category('1003', '危化品违规存放', 'Improperly stored hazardous chemicals', 'fire', '8wh', 2, 6, '', { ex: PARK }),
  category('1101', '消防通道堵塞', 'Blocked fire lane', 'fire', '4wh', 2, 30, 'S', { dup: [50, 24] }),
  category('1102', '电动自行车违规充电', 'Unsafe e-bike charging', 'fire', '1wd', 2, 40, 'S', { dup: [50, 72] }),
  category('1103', '消防设施损坏', 'Damaged fire equipment', 'fire', '3wd', 3, 15),
  category('1201', '无证食品经营', 'Unlicensed food business', 'market', '3wd', 3, 15),
  category('1202', '过期变质食品', 'Expired or spoiled food', 'market', '1wd', 2, 10),
  category('1203', '农贸市场食品安全', 'Food safety in a produce market', 'market', '1wd', 2, 12, '', { ex: ['market'] }),
  category('1204', '药品违规销售', 'Illegal sale of medicines', 'market', '3wd', 3, 5),
  category('1205', '价格欺诈', 'Price fraud', 'market', '5wd', 4, 8, '', { ex: ['market', 'scenic_area'] }),
  category('1301', '餐饮油烟', 'Restaurant cooking fumes', 'citymgmt', '5wd', 4, 25, '', { dup: [100, 168] }),
  category('1302', '露天焚烧', 'Open burning', 'citymgmt', '4h', 2, 15, 'S', { dup: [300, 12] }),
  // No environment bureau among the 13: the hotline forwards pollution reports to it.
  category('1303', '企业排污', 'Industrial discharge', 'hotline12345', '3wd', 2, 8, '', { ex: PARK, dup: [500, 72] }),
  category('1401', '政策咨询', 'Policy enquiry', 'hotline12345', '5wd', 4, 40, '', { dup: NOT_PLACE_BOUND }),
  category('1402', '供水供电故障', 'Water or power supply failure', 'hotline12345', '24h', 2, 20, '', { dup: [300, 24] }),
  category('1403', '困难群众救助', 'Hardship assistance', 'civil', '5wd', 3, 15),
  category('1404', '独居老人关爱', 'Elderly person living alone', 'civil', '3wd', 3, 15, 'S'),
  category('1405', '证照办理咨询', 'Licence and permit enquiry', 'approval', '5wd', 4, 15, '', { dup: NOT_PLACE_BOUND }),
  category('1406', '项目审批核查', 'Unapproved works check', 'approval', '10wd', 4, 5, '', { ex: ['construction_site'] }),
  category('1407', '就业社保服务', 'Jobs and social insurance', 'hrss', '5wd', 4, 15, '', { dup: NOT_PLACE_BOUND }),
  category('1408', '法律援助', 'Legal aid request', 'justice', '5wd', 4, 8, '', { dup: NOT_PLACE_BOUND }),
  category('1501', '校园周边治安', 'Security around a school', POLICE_DEPARTMENT, '2h', 1, 8, 'P', { ex: ['school'] }),
  category('1502', '校园周边交通', 'Traffic around a school', POLICE_DEPARTMENT, '4h', 2, 10, 'P', { ex: ['school'] }),
  category('1503', '校园周边食品', 'Food stalls around a school', 'market', '1wd', 2, 8, '', { ex: ['school'] }),
  category('1504', '校舍安全隐患', 'Unsafe school building', 'housing', '2wd', 2, 4, '', { ex: ['school'] }),
  category('1601', '非法行医', 'Unlicensed medical practice', 'health', '5wd', 3, 5),
  category('1602', '病媒生物', 'Rats, flies and mosquitoes', 'health', '5wd', 4, 10, 'S', { dup: [200, 168] }),
  category('1603', '医疗废物处置', 'Medical waste handling', 'health', '1wd', 2, 4, '', { ex: ['hospital'] }),
  category('1604', '传染病疫情线索', 'Infectious disease lead', 'health', '2h', 1, 2),
  category('1701', '违法占用耕地', 'Illegal use of farmland', 'natres', '5wd', 3, 10, '', { dup: [300, 168] }),
  category('1702', '非法采砂取土', 'Illegal sand or soil extraction', 'natres', '2wd', 2, 4, '', { dup: [500, 168] }),
  category('1703', '违规改变土地用途', 'Unapproved change of land use', 'natres', '10wd', 4, 3, '', { dup: [300, 168] }),
]

/** The category with this code; throws on an unknown code so typos fail loudly in seeds. */
export function categoryByCode(code: string): Category {
  const c = CATEGORIES.find(x => x.code === code)
  if (!c) throw new Error(`No category with code ${code}; see CATEGORIES in geodata/taxonomy.ts.`)
  return c
}
