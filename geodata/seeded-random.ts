// A small seeded PRNG (mulberry32) so that every generator gives identical output for the same
// seed on every machine: Math.random cannot be seeded, and the seed files must be reproducible.

const UINT32 = 4294967296 // 2^32: turns a 32-bit state into a float in [0, 1)

export interface SeededRandom {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [a, b], both ends included. */
  int(a: number, b: number): number
  /** Uniform float in [a, b). */
  range(a: number, b: number): number
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** Standard normal deviate (Box–Muller). */
  normal(): number
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[]
}

export function seededRandom(seed: number): SeededRandom {
  if (!Number.isFinite(seed)) throw new Error(`Seed must be a finite number, got ${seed}.`)
  let state = Math.trunc(seed) >>> 0

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / UINT32
  }

  const int = (a: number, b: number): number => {
    if (b < a) throw new Error(`Empty integer range [${a}, ${b}].`)
    return a + Math.floor(next() * (b - a + 1))
  }

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty array.')
    return items[Math.floor(next() * items.length)]
  }

  const normal = (): number => {
    const u = 1 - next() // (0, 1]: log(0) would be -Infinity
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
  }

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }

  return { next, int, range: (a, b) => a + (b - a) * next(), pick, normal, shuffle }
}
