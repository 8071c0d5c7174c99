import { describe, expect, it } from 'vitest'
import { allocateLargestRemainder } from './allocate-largest-remainder.ts'

describe('allocateLargestRemainder', () => {
  it('hands out exactly the total, in proportion to the weights', () => {
    expect(allocateLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(allocateLargestRemainder(100, [3, 1])).toEqual([75, 25])
    expect(allocateLargestRemainder(7, [0.5, 0.3, 0.2]).reduce((a, b) => a + b)).toBe(7)
  })

  it('gives every claimant its minimum, taking it from the most over-served', () => {
    const counts = allocateLargestRemainder(10, [100, 1, 1, 1], 1)
    expect(counts).toEqual([7, 1, 1, 1])
  })

  it('refuses a total too small for the minimums', () => {
    expect(() => allocateLargestRemainder(3, [1, 1, 1, 1], 1)).toThrow(/at least 1/)
  })
})
