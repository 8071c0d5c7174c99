// Weighted sampling by cumulative sums and binary search: O(n) to build, O(log n) per draw, which
// is what 50,000 draws over 10,000 grids need.

/** A sampler returning index i with probability weights[i] / sum(weights), given u in [0, 1). */
export function weightedIndex(weights: ArrayLike<number>): (u: number) => number {
  const cumulative = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0)) throw new Error(`Weight ${i} is ${weights[i]}; weights must be finite and >= 0.`)
    total += weights[i]
    cumulative[i] = total
  }
  if (!(total > 0)) throw new Error('Weights sum to zero; give at least one item a positive weight.')
  return u => {
    const target = u * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cumulative[mid] > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}
