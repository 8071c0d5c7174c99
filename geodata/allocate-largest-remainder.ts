// Splits an integer total among claimants in proportion to their weights (Hamilton's method),
// so that counts like "10,719 grids" come out exact while following households, areas etc.

/**
 * Integer shares of `total`, proportional to `weights`, each at least `minimum`, summing to
 * `total` exactly. Ties go to the earlier claimant, so the result is deterministic.
 */
export function allocateLargestRemainder(total: number, weights: number[], minimum = 0): number[] {
  const n = weights.length
  if (!Number.isInteger(total) || total < 0) throw new Error(`Total must be a whole number ≥ 0, got ${total}.`)
  if (n === 0) {
    if (total === 0) return []
    throw new Error(`Cannot allocate ${total} among zero claimants.`)
  }
  if (minimum * n > total) throw new Error(`Cannot give ${n} claimants at least ${minimum} each out of ${total}.`)
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('Weights must be finite and ≥ 0.')
  const sum = weights.reduce((a, b) => a + b, 0)
  const quotas = weights.map((w) => (sum > 0 ? (total * w) / sum : total / n))
  const counts = quotas.map((q) => Math.max(minimum, Math.floor(q)))
  let left = total - counts.reduce((a, b) => a + b, 0)
  // Largest remainder first; when the minimums overshoot, take back from the most over-served.
  const order = quotas.map((_, i) => i)
  if (left > 0) {
    order.sort((a, b) => (quotas[b] - counts[b]) - (quotas[a] - counts[a]) || a - b)
    for (let k = 0; left > 0; k = (k + 1) % n, left--) counts[order[k]]++
  }
  while (left < 0) {
    let worst = -1
    for (let i = 0; i < n; i++) {
      if (counts[i] <= minimum) continue
      if (worst < 0 || counts[i] - quotas[i] > counts[worst] - quotas[worst]) worst = i
    }
    counts[worst]--
    left++
  }
  return counts
}
