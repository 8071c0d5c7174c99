// Reads each feature's attributes into a row for its layer, accepting the English and Chinese
// field names boundary files come with (and the 10-character names a .dbf truncates them to).
// Everything here is about the file alone; parents in the database are checked in SQL later.
import type { Feature } from 'geojson'
import type { Layer, Problem } from './import-report.ts'
import { EXCLUSIVE_TYPES, FIELD_ALIASES, LEVEL_NAMES, type Field } from './field-aliases.ts'

export type Level = 'city' | 'county' | 'town' | 'village'

export interface ImportRow {
  feature: number               // 0-based position in the file
  code: string
  name: string
  parentCode: string | null     // admin: the parent unit; grids: the village; stations: the county
  parentLevel: Level | null     // the level parentCode must have
  level: Level | null           // admin units only
  kind: string | null           // admin: 市辖区/镇/社区…; grids: basic or exclusive
  exclusiveType: string | null
  households: number
  population: number
  address: string | null
}

export interface MappedProperties {
  rows: (ImportRow | null)[]    // one per feature; null where a problem stopped the mapping
  codes: (string | undefined)[] // one per feature, as read, for naming it in any report
  problems: Problem[]
}

const ADMIN_CODE = /^\d{12}$/           // statistical code of an admin unit
const PARENT_LEVEL: Record<Level, Level | null> = { city: null, county: 'city', town: 'county', village: 'town' }

export function mapProperties(features: Pick<Feature, 'properties'>[], layer: Layer): MappedProperties {
  const problems: Problem[] = []
  const codes: (string | undefined)[] = []
  const rows = features.map((f, feature) => {
    const found: Problem[] = []
    const fields = readFields(f.properties ?? {})
    const code = fields.get('code')
    codes.push(code)
    const problem: Report = (kind, reason) => { found.push({ kind, feature, ...(code && { code }), reason }) }
    const required = (field: Field) => {
      const v = fields.get(field)
      const aliases = FIELD_ALIASES[field]
      if (v === undefined) problem('missing-field', `missing field "${aliases[0]}" (also read as ${aliases.slice(1).join(', ')})`)
      return v
    }
    const row: ImportRow = {
      feature, code: required('code') ?? '', name: required('name') ?? '', parentCode: null, parentLevel: null,
      level: null, kind: null, exclusiveType: null, households: 0, population: 0, address: fields.get('address') ?? null,
    }
    const mapLayer = layer === 'admin' ? mapAdmin : layer === 'stations' ? mapStation : mapGrid
    mapLayer(row, { layer, fields, required, problem })
    problems.push(...found)
    return found.length === 0 ? row : null
  })
  problems.push(...findDuplicates(codes))
  return { rows, codes, problems }
}

type Report = (kind: Problem['kind'], reason: string) => void

interface FeatureFields {
  layer: Layer
  fields: Map<Field, string>
  required: (field: Field) => string | undefined  // the value, or undefined after reporting it missing
  problem: Report
}

function mapAdmin(row: ImportRow, { fields, required, problem }: FeatureFields): void {
  if (!row.code) return
  if (!ADMIN_CODE.test(row.code)) return problem('invalid-code', `admin code "${row.code}" must be 12 digits`)
  const level = levelOfCode(row.code)
  row.level = level
  row.kind = fields.get('kind') ?? null
  row.parentLevel = PARENT_LEVEL[level]
  const given = fields.get('level')
  if (given !== undefined && (LEVEL_NAMES[given.toLowerCase()] ?? given) !== level) {
    problem('invalid-field', `level "${given}" does not match code ${row.code}, which is a ${level} code`)
  }
  if (level === 'city') return
  const parent = required('parent')
  if (parent === undefined) return
  if (!ADMIN_CODE.test(parent)) return problem('invalid-code', `parent code "${parent}" must be 12 digits`)
  row.parentCode = parent
}

function mapStation(row: ImportRow, { required, problem }: FeatureFields): void {
  const county = required('county')
  if (county === undefined) return
  if (!ADMIN_CODE.test(county) || levelOfCode(county) !== 'county') {
    return problem('invalid-code', `county code "${county}" must be 12 digits ending in 000000, like 320612000000`)
  }
  row.parentCode = county
  row.parentLevel = 'county'
}

function mapGrid(row: ImportRow, { layer, fields, required, problem }: FeatureFields): void {
  const count = (field: Field) => {
    const v = fields.get(field)
    if (v === undefined) return 0
    const n = Number(v)
    if (!Number.isSafeInteger(n) || n < 0) problem('invalid-field', `${field} "${v}" is not a whole number ≥ 0`)
    return n
  }
  row.parentCode = required('village') ?? null
  row.parentLevel = 'village'
  row.kind = layer === 'grids' ? 'basic' : 'exclusive'
  row.households = count('households')
  row.population = count('population')
  if (layer === 'exclusive-grids') {
    const type = required('type')
    row.exclusiveType = type === undefined ? null : EXCLUSIVE_TYPES[type.toLowerCase()] ?? null
    if (type !== undefined && !row.exclusiveType) {
      problem('invalid-field', `type "${type}" is not one of ${[...new Set(Object.values(EXCLUSIVE_TYPES))].join(', ')}`)
    }
  }
  if (row.code && row.parentCode) checkGridCode(row, layer, problem)
}

// Basic grids are numbered inside their village (…001), exclusive grids likewise after a Z.
function checkGridCode(row: ImportRow, layer: Layer, problem: Report): void {
  const village = row.parentCode!
  if (!ADMIN_CODE.test(village) || levelOfCode(village) !== 'village') {
    return problem('invalid-code', `village code "${village}" must be the 12-digit code of a village or community`)
  }
  const suffix = layer === 'grids' ? /^\d{3}$/ : /^Z\d{3}$/
  const example = layer === 'grids' ? '001' : 'Z001'
  if (!row.code.startsWith(village) || !suffix.test(row.code.slice(village.length))) {
    problem('invalid-code', `grid code "${row.code}" must be its village code ${village} followed by ${example}-style digits`)
  }
}

/** The level a 12-digit statistical code names: trailing zeros mark the higher levels. */
export function levelOfCode(code: string): Level {
  if (code.endsWith('00000000')) return 'city'
  if (code.endsWith('000000')) return 'county'
  if (code.endsWith('000')) return 'town'
  return 'village'
}

function findDuplicates(codes: (string | undefined)[]): Problem[] {
  const firstUse = new Map<string, number>()
  const problems: Problem[] = []
  codes.forEach((code, feature) => {
    if (!code) return
    const first = firstUse.get(code)
    if (first === undefined) firstUse.set(code, feature)
    else problems.push({ kind: 'duplicate-code', feature, code, reason: `code ${code} is already used by feature ${first}` })
  })
  return problems
}

/** The feature's attributes under their canonical field names, as trimmed non-empty strings. */
function readFields(properties: Record<string, unknown>): Map<Field, string> {
  const byName = new Map(Object.entries(properties).map(([k, v]) => [k.trim().toLowerCase(), v]))
  const fields = new Map<Field, string>()
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, string[]][]) {
    for (const alias of aliases) {
      const v = byName.get(alias)
      const text = v === null || v === undefined ? '' : String(v).trim()
      if (text !== '') { fields.set(field, text); break }
    }
  }
  return fields
}
