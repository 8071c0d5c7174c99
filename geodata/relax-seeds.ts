// Lloyd relaxation of partition seeds, by Monte-Carlo: the parent is sampled once, every sample
// goes to its nearest seed, and each seed moves to the density-weighted mean of its samples.
// Sampling avoids clipping every cell on every step (clipping is the expensive part), and a few
// dozen samples a cell place a centroid well within the precision a synthetic layout needs.
import { Delaunay } from 'd3-delaunay'
import { type MultiPoly, type Pt, bboxOf, insideTester } from './planar-polygon.ts'
import type { SeededRandom } from './seeded-random.ts'

const SAMPLES_PER_SEED = 24 // enough for a stable centroid; the cost is linear in it
const MIN_SAMPLES = 64      // so that a parent with one or two seeds is still covered
const MAX_TRIES = 200       // rejection-sampling attempts per sample before giving up

/**
 * Moves seeds `steps` times toward the weighted centroids of their cells within `parent`.
 * `weights` are densities: the territory first claimed by a heavy seed counts more, so dense
 * clusters (urban streets) stay dense instead of spreading out evenly. Seeds end up inside.
 */
export function relaxSeeds(
  parent: MultiPoly, seeds: Pt[], weights: number[], rng: SeededRandom, steps: number,
): Pt[] {
  const inside = insideTester(parent)
  const samples = sampleInside(parent, inside, Math.max(MIN_SAMPLES, SAMPLES_PER_SEED * seeds.length), rng)
  let sites = seeds.map((s) => (inside(s) ? s : nearest(s, samples)))
  if (seeds.length < 2 || steps <= 0 || samples.length === 0) return sites

  const uniform = weights.every((w) => w === weights[0])
  const density = uniform ? null : densityOf(samples, sites, weights)
  for (let step = 0; step < steps; step++) {
    const delaunay = Delaunay.from(sites)
    const sx = new Float64Array(sites.length), sy = new Float64Array(sites.length)
    const sw = new Float64Array(sites.length)
    let hint = 0
    samples.forEach((p, k) => {
      hint = delaunay.find(p[0], p[1], hint)
      const w = density ? density[k] : 1
      sx[hint] += p[0] * w; sy[hint] += p[1] * w; sw[hint] += w
    })
    sites = sites.map((s, i) => {
      if (sw[i] === 0) return s
      const c: Pt = [sx[i] / sw[i], sy[i] / sw[i]]
      return inside(c) ? c : s // a concave cell's centroid may fall outside
    })
  }
  return sites
}

// The density field is frozen from the initial seeds: each sample weighs what its first owner does.
function densityOf(samples: Pt[], sites: Pt[], weights: number[]): Float64Array {
  const delaunay = Delaunay.from(sites)
  const out = new Float64Array(samples.length)
  let hint = 0
  samples.forEach((p, k) => {
    hint = delaunay.find(p[0], p[1], hint)
    out[k] = weights[hint]
  })
  return out
}

/** Uniform random points inside `parent` (rejection sampling in its bounding box). */
function sampleInside(parent: MultiPoly, inside: (p: Pt) => boolean, count: number, rng: SeededRandom): Pt[] {
  const [x0, y0, x1, y1] = bboxOf(parent)
  const out: Pt[] = []
  for (let tries = 0; out.length < count && tries < count * MAX_TRIES; tries++) {
    const p: Pt = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()]
    if (inside(p)) out.push(p)
  }
  return out
}

function nearest(p: Pt, candidates: Pt[]): Pt {
  let best = candidates[0] ?? p, bestD = Infinity
  for (const c of candidates) {
    const d = (c[0] - p[0]) ** 2 + (c[1] - p[1]) ** 2
    if (d < bestD) { bestD = d; best = c }
  }
  return best
}
