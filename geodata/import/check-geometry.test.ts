import { describe, expect, it } from 'vitest'
import type { Geometry, Position } from 'geojson'
import { checkGeometry } from './check-geometry.ts'

const same = (p: Position) => p
const square: Position[] = [[120.9, 32], [120.91, 32], [120.91, 32.01], [120.9, 32.01], [120.9, 32]]
const polygon = (...rings: Position[][]): Geometry => ({ type: 'Polygon', coordinates: rings })

describe('checkGeometry', () => {
  it('passes a valid square through as a MultiPolygon', () => {
    expect(checkGeometry(polygon(square), same)).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [[square]] }, problems: [] })
  })

  it('rejects other geometry types by name', () => {
    const r = checkGeometry({ type: 'Point', coordinates: [120.9, 32] }, same)
    expect(r.problems).toEqual([{ reason: 'Point geometry (only Polygon and MultiPolygon are accepted)' }])
    expect(checkGeometry(null, same).problems).toEqual([{ reason: 'no geometry' }])
  })

  it('rejects non-finite coordinates before converting them', () => {
    let converted = 0
    const r = checkGeometry(polygon([[120.9, 32], [NaN, 32], [120.91, 32.01], [120.9, 32]]), (p) => (converted++, p))
    expect(r.problems[0].reason).toMatch(/non-finite/)
    expect(converted).toBe(0)
  })

  it('rejects coordinates that are not lon/lat after conversion, hinting at a missing .prj', () => {
    const r = checkGeometry(polygon([[585045, 3542206], [586045, 3542206], [586045, 3543206], [585045, 3542206]]), same)
    expect(r.problems[0].reason).toMatch(/not a lon\/lat position \(a projected file needs its \.prj\)/)
  })

  it('reports an unclosed ring at its first position', () => {
    expect(checkGeometry(polygon(square.slice(0, 4)), same).problems).toEqual([{ reason: 'unclosed ring', location: [120.9, 32] }])
  })

  it('reports a ring that is too short', () => {
    expect(checkGeometry(polygon([[120.9, 32], [120.91, 32], [120.9, 32]]), same).problems[0].reason).toMatch(/at least 4/)
  })

  it('reports a bowtie with the point where its edges cross', () => {
    const bowtie = [[120.9, 32], [120.91, 32.01], [120.91, 32], [120.9, 32.01], [120.9, 32]]
    const [problem] = checkGeometry(polygon(bowtie), same).problems
    expect(problem.reason).toBe('self-intersection (bowtie)')
    expect(problem.location![0]).toBeCloseTo(120.905, 9)
    expect(problem.location![1]).toBeCloseTo(32.005, 9)
  })

  it('ignores repeated vertices, which are not crossings', () => {
    const repeated = [square[0], square[1], square[1], square[2], square[3], square[0]]
    expect(checkGeometry(polygon(repeated), same).problems).toEqual([])
  })

  it('accepts a hole inside its shell and rejects one outside it', () => {
    const hole = [[120.902, 32.002], [120.902, 32.004], [120.904, 32.004], [120.904, 32.002], [120.902, 32.002]]
    expect(checkGeometry(polygon(square, hole), same).problems).toEqual([])
    const away = hole.map(([x, y]) => [x + 0.02, y])
    expect(checkGeometry(polygon(square, away), same).problems).toEqual([{ reason: 'hole outside its shell', location: [120.922, 32.002] }])
  })

  it('checks and returns the converted coordinates', () => {
    const r = checkGeometry(polygon(square), ([x, y]) => [x + 1, y])
    expect(r.geometry!.coordinates[0][0][0]).toEqual([121.9, 32])
  })
})
