// The desk's heat data: a time window is added up per cell, and the cell size follows the zoom.
import { describe, expect, it } from 'vitest'
import { bucketsInWindow, countInWindow, heatCellMetres, toHeatData, windowPoints, type HeatResponse } from './heat-data.ts'

const DAY_MS = 86_400_000
const CELL = 0.01 // degrees
// Three days; cell (12000, 3200) has incidents on days 0, 1 and 2, cell (12001, 3200) on day 1 only.
const RESPONSE: HeatResponse = {
  from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z', bucket: 'day', bucketSeconds: 86_400,
  cellDegrees: CELL, total: 10, cells: 4,
  x: [12000, 12000, 12001, 12000], y: [3200, 3200, 3200, 3200], t: [0, 1, 1, 2], n: [2, 3, 1, 4],
}
const start = Date.parse(RESPONSE.from)

describe('heat data', () => {
  it('keeps one point per cell, at its centre, and one entry per cell and day', () => {
    const h = toHeatData(RESPONSE, 1_000)
    expect(h.length).toBe(4)
    expect(h.cellMetres).toBe(1_000)
    expect([...h.cellPositions].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([120.005, 32.005, 0, 120.015, 32.005, 0])
    expect([...h.cellOf]).toEqual([0, 0, 1, 0])
    expect([...h.bucketStart]).toEqual([0, 1, 3, 4])
  })

  it('adds up the days of a window per cell', () => {
    const h = toHeatData(RESPONSE)
    const all = windowPoints(h, 0, 3)
    expect(all.length).toBe(2)
    expect([...all.weights]).toEqual([9, 1])
    const lastTwo = windowPoints(h, ...bucketsInWindow(h, start + DAY_MS, start + 3 * DAY_MS))
    expect([...lastTwo.weights]).toEqual([7, 1])
    expect(countInWindow(h, start + DAY_MS, start + 3 * DAY_MS)).toBe(8)
  })

  it('draws nothing for a window without incidents', () => {
    const h = toHeatData(RESPONSE)
    const none = windowPoints(h, ...bucketsInWindow(h, start - 5 * DAY_MS, start))
    expect(none).toMatchObject({ length: 0 })
    expect(none.positions.length).toBe(0)
  })

  it('orders entries by bucket when the answer is not ordered', () => {
    const shuffled = { ...RESPONSE, x: [12000, 12001, 12000, 12000], t: [2, 1, 0, 1], n: [4, 1, 2, 3] }
    const h = toHeatData(shuffled)
    expect([...windowPoints(h, 2, 3).weights]).toEqual([4])
    expect([...windowPoints(h, 0, 1).weights]).toEqual([2])
  })

  it('doubles the cell per zoom level out from 200 m at zoom 12, up to 1.6 km', () => {
    expect([16, 12, 11.6, 11, 10, 9, 8, 5].map(heatCellMetres)).toEqual([200, 200, 200, 400, 800, 1_600, 1_600, 1_600])
  })
})
