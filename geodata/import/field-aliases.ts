// The attribute names and values boundary files use for the same thing. Names are compared
// trimmed and lower-cased; the first name of each list is the one error messages ask for.
// A .dbf field name holds at most 10 bytes, so the long English names appear cut to 10
// characters (parent_cod) and a 6-character Chinese name in GBK to 5 characters (所属社区编).

export type Field =
  | 'code' | 'name' | 'parent' | 'village' | 'county' | 'level' | 'kind'
  | 'households' | 'population' | 'type' | 'address'

export const FIELD_ALIASES: Record<Field, string[]> = {
  code: ['code', '编码', '代码', '网格编码', '区划代码', '行政区划代码', 'grid_code'],
  name: ['name', '名称', '网格名称', '区划名称', 'grid_name'],
  parent: ['parent_code', 'parent_cod', 'parentcode', '上级编码', '上级代码'],
  village: ['village_code', 'village_co', 'villagecode', '所属社区编码', '所属社区编', '社区编码', '村社区编码', '村社区编', 'parent_code', 'parent_cod', '上级编码'],
  county: ['county_code', 'county_cod', 'countycode', '所属区县编码', '所属区县编', '区县编码', '县区编码'],
  level: ['level', '级别', '层级'],
  kind: ['kind', '类别'],
  households: ['households', '户数'],
  population: ['population', '人口', '人口数'],
  type: ['type', '类型', '网格类型', 'exclusive_type', 'exclusive_'],
  address: ['address', '地址'],
}

export const EXCLUSIVE_TYPES: Record<string, string> = {  // type values (lower-cased) → schema value
  school: 'school', hospital: 'hospital', market: 'market', industrial_park: 'industrial_park',
  enterprise: 'enterprise', scenic_area: 'scenic_area', construction_site: 'construction_site',
  transport_hub: 'transport_hub', government: 'government', residential_estate: 'residential_estate',
  学校: 'school', 医院: 'hospital', 市场: 'market', 工业园区: 'industrial_park', 企业: 'enterprise',
  景区: 'scenic_area', 工地: 'construction_site', 交通枢纽: 'transport_hub', 机关: 'government', 小区: 'residential_estate',
}

export const LEVEL_NAMES: Record<string, 'city' | 'county' | 'town' | 'village'> = {  // level values → level
  city: 'city', county: 'county', town: 'town', village: 'village',
  市: 'city', 地级市: 'city', 区县: 'county', 县: 'county', 区: 'county', 县级市: 'county',
  乡镇: 'town', 镇: 'town', 乡: 'town', 街道: 'town', 村: 'village', 社区: 'village', 村社区: 'village',
}
