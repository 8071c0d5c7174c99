import { describe, expect, it } from 'vitest'
import { seededRandom } from './seeded-random.ts'

describe('seededRandom', () => {
  it('repeats its sequence for a seed and changes it for another', () => {
    const draw = (seed: number): number[] => { const r = seededRandom(seed); return Array.from({ length: 5 }, () => r.next()) }
    expect(draw(1)).toEqual(draw(1))
    expect(draw(1)).not.toEqual(draw(2))
  })

  it('keeps int, pick and next within their ranges', () => {
    const r = seededRandom(3)
    for (let i = 0; i < 1000; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
      const n = r.int(2, 4)
      expect([2, 3, 4]).toContain(n)
      expect(['a', 'b']).toContain(r.pick(['a', 'b']))
    }
  })

  it('draws normal deviates with mean 0 and variance 1', () => {
    const r = seededRandom(4)
    const xs = Array.from({ length: 20_000 }, () => r.normal())
    const mean = xs.reduce((a, b) => a + b) / xs.length
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
    expect(Math.abs(mean)).toBeLessThan(0.03)
    expect(Math.abs(variance - 1)).toBeLessThan(0.05)
  })
})
