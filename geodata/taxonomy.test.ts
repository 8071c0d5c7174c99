import { describe, expect, it } from 'vitest'
import { allowedValues } from './schema-checks.fixture.ts'
import { CATEGORIES, CATEGORY_CLASSES, DEPARTMENTS, POLICE_DEPARTMENT } from './taxonomy.ts'

describe('taxonomy', () => {
  it('has the 13 handling departments with unique codes and both names', () => {
    expect(DEPARTMENTS).toHaveLength(13)
    expect(new Set(DEPARTMENTS.map(d => d.code)).size).toBe(13)
    for (const d of DEPARTMENTS) {
      expect(d.code).toMatch(/^[a-z0-9]+$/)
      expect(d.name).not.toBe('')
      expect(d.nameEn).not.toBe('')
    }
  })

  it('has at least 40 categories with unique codes', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(CATEGORIES.map(c => c.code)).size).toBe(CATEGORIES.length)
    expect(new Set(CATEGORY_CLASSES.map(c => c.code)).size).toBe(CATEGORY_CLASSES.length)
  })

  it('files every category under an existing class and department', () => {
    const classes = new Set(CATEGORY_CLASSES.map(c => c.code))
    const departments = new Set(DEPARTMENTS.map(d => d.code))
    for (const c of CATEGORIES) {
      expect(classes.has(c.classCode), c.code).toBe(true)
      expect(c.code.startsWith(c.classCode), c.code).toBe(true)
      expect(departments.has(c.departmentCode), c.code).toBe(true)
    }
  })

  it('gives every department and every class at least one category', () => {
    for (const d of DEPARTMENTS) expect(CATEGORIES.some(c => c.departmentCode === d.code), d.code).toBe(true)
    for (const k of CATEGORY_CLASSES) expect(CATEGORIES.some(c => c.classCode === k.code), k.code).toBe(true)
  })

  it('routes police-relevant categories to 110 police', () => {
    const police = CATEGORIES.filter(c => c.policeRelevant)
    expect(police.length).toBeGreaterThan(5)
    for (const c of police) expect(c.departmentCode, c.code).toBe(POLICE_DEPARTMENT)
  })

  it('ties school, hospital, market and workplace categories to their exclusive grids', () => {
    const byType = (t: string) => CATEGORIES.filter(c => (c.exclusiveTypes as string[]).includes(t))
    for (const t of ['school', 'hospital', 'market', 'industrial_park', 'enterprise', 'construction_site']) {
      expect(byType(t).length, t).toBeGreaterThan(0)
    }
  })

  it('satisfies the CHECK constraints of the category table', () => {
    const units = allowedValues('category', 'time_limit_unit')
    const types = allowedValues('grid', 'exclusive_type')
    for (const c of CATEGORIES) {
      expect([1, 2, 3, 4]).toContain(c.priority)
      expect(c.timeLimit).toBeGreaterThan(0)
      expect(units).toContain(c.timeLimitUnit)
      for (const t of c.exclusiveTypes) expect(types).toContain(t)
      expect(Number.isInteger(c.duplicateRadiusM) && c.duplicateRadiusM >= 0).toBe(true)
      expect(Number.isInteger(c.duplicateWindowH) && c.duplicateWindowH > 0).toBe(true)
      expect(c.weight).toBeGreaterThan(0)
      expect(c.policeRelevant && c.selfResolvable, c.code).toBe(false)
    }
  })

  it('marks the small street-level matters as self-resolvable and urgent ones not', () => {
    const byName = (n: string) => CATEGORIES.find(c => c.name === n)!
    expect(byName('暴露垃圾').selfResolvable).toBe(true)
    expect(byName('乱堆物堆料').selfResolvable).toBe(true)
    for (const c of CATEGORIES.filter(x => x.priority === 1)) {
      expect(c.selfResolvable, c.code).toBe(false)
      expect(c.timeLimitUnit, c.code).toBe('natural_hours')
    }
  })
})
