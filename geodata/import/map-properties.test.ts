import { describe, expect, it } from 'vitest'
import { mapProperties } from './map-properties.ts'

const feature = (properties: Record<string, unknown>) => ({ properties })

describe('mapProperties', () => {
  it('reads Chinese field names and .dbf-truncated English ones', () => {
    const { rows, problems } = mapProperties([
      feature({ 网格编码: '320612001001001', 网格名称: '东风村第1网格', 所属社区编码: '320612001001', 户数: 310, 人口: '820' }),
      feature({ CODE: '320612001001002', NAME: '东风村第2网格', VILLAGE_CO: '320612001001' }),
    ], 'grids')
    expect(problems).toEqual([])
    expect(rows.map((r) => [r?.code, r?.parentCode, r?.parentLevel, r?.kind, r?.households, r?.population])).toEqual([
      ['320612001001001', '320612001001', 'village', 'basic', 310, 820],
      ['320612001001002', '320612001001', 'village', 'basic', 0, 0],
    ])
  })

  it('names the feature and the field that is missing', () => {
    const { rows, problems } = mapProperties([feature({ code: '320612001001001', village_code: '320612001001' })], 'grids')
    expect(rows).toEqual([null])
    expect(problems).toEqual([{ kind: 'missing-field', feature: 0, code: '320612001001001', reason: expect.stringMatching(/^missing field "name"/) }])
  })

  it('requires grid codes to extend their village code', () => {
    const { problems } = mapProperties([
      feature({ code: '320612001002001', name: 'a', village_code: '320612001001' }),
      feature({ code: '3206120010010001', name: 'b', village_code: '320612001001' }),
    ], 'grids')
    expect(problems.map((p) => [p.kind, p.feature])).toEqual([['invalid-code', 0], ['invalid-code', 1]])
  })

  it('maps exclusive grid types in English or Chinese and rejects others', () => {
    const { rows, problems } = mapProperties([
      feature({ code: '320612001001Z001', name: '小学', village_code: '320612001001', 类型: '学校' }),
      feature({ code: '320612001001Z002', name: '医院', village_code: '320612001001', type: 'Hospital' }),
      feature({ code: '320612001001Z003', name: '?', village_code: '320612001001', type: 'zoo' }),
    ], 'exclusive-grids')
    expect(rows.map((r) => r?.exclusiveType ?? null)).toEqual(['school', 'hospital', null])
    expect(problems).toEqual([expect.objectContaining({ kind: 'invalid-field', feature: 2, reason: expect.stringMatching(/^type "zoo" is not one of school, hospital/) })])
  })

  it('derives admin levels from 12-digit codes and checks a given level against them', () => {
    const { rows, problems } = mapProperties([
      feature({ 编码: '320612001000', 名称: '金沙街道', 上级编码: '320612000000' }),
      feature({ code: '320612001001', name: '东风村', parent_code: '320612001000', level: '镇' }),
      feature({ code: '3206120010', name: '短', parent_code: '320612001000' }),
    ], 'admin')
    expect(rows[0]).toMatchObject({ level: 'town', parentCode: '320612000000', parentLevel: 'county' })
    expect(problems.map((p) => [p.kind, p.feature])).toEqual([['invalid-field', 1], ['invalid-code', 2]])
  })

  it('reads stations with their county', () => {
    const { rows, problems } = mapProperties([feature({ code: 'PS1', name: '金沙派出所', county_code: '320612000000', 地址: '人民路1号' })], 'stations')
    expect(problems).toEqual([])
    expect(rows[0]).toMatchObject({ parentCode: '320612000000', parentLevel: 'county', address: '人民路1号' })
  })

  it('reports every later use of a code already used in the file', () => {
    const grid = { name: 'a', village_code: '320612001001' }
    const { problems } = mapProperties([
      feature({ ...grid, code: '320612001001001' }), feature({ ...grid, code: '320612001001001' }), feature({ ...grid, code: '320612001001001' }),
    ], 'grids')
    expect(problems.map((p) => [p.kind, p.feature, p.reason])).toEqual([
      ['duplicate-code', 1, 'code 320612001001001 is already used by feature 0'],
      ['duplicate-code', 2, 'code 320612001001001 is already used by feature 0'],
    ])
  })
})
