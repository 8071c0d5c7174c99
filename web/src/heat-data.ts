// The heat counts of GET /api/incidents/heat as deck.gl binary attributes: one point per cell and
// bucket at the cell's centre, weighted by its count, ordered by bucket. Built and uploaded once
// per fetch: a time window is then a contiguous range of the same buffers (an offset and a count,
// see deck-layers.ts), so moving the slider never rebuilds or re-uploads data.
import { api } from './api-client.ts'

export interface HeatResponse {
  from: string
  to: string
  bucket: 'hour' | 'day'
  bucketSeconds: number
  cellDegrees: number
  total: number
  cells: number
  x: number[]
  y: number[]
  t: number[]
  n: number[]
}

export interface HeatData {
  length: number
  from: number // ms
  bucketHours: number
  total: number
  positions: Float32Array // lon, lat, 0 (deck.gl's aggregators read three components)
  weights: Float32Array
  /** bucketStart[b]: index of the first point of bucket b (points are ordered by bucket); length buckets + 1. */
  bucketStart: Uint32Array
  /** Counts per bucket (for the slider's figure without touching the GPU). */
  perBucket: Float64Array
}

export function toHeatData(r: HeatResponse): HeatData {
  const length = r.x.length
  const order = Array.from({ length }, (_, k) => k)
  if (r.t.some((t, k) => k > 0 && t < r.t[k - 1])) order.sort((a, b) => r.t[a] - r.t[b]) // the server orders by bucket already
  const positions = new Float32Array(length * 3)
  const weights = new Float32Array(length)
  const bucketHours = r.bucketSeconds / 3600
  const from = Date.parse(r.from)
  const buckets = Math.max(1, Math.ceil((Date.parse(r.to) - from) / (r.bucketSeconds * 1000)))
  const perBucket = new Float64Array(buckets)
  const bucketStart = new Uint32Array(buckets + 1)
  order.forEach((src, k) => {
    positions[3 * k] = (r.x[src] + 0.5) * r.cellDegrees
    positions[3 * k + 1] = (r.y[src] + 0.5) * r.cellDegrees
    weights[k] = r.n[src]
    perBucket[r.t[src]] += r.n[src]
    bucketStart[r.t[src] + 1] = k + 1
  })
  for (let b = 1; b <= buckets; b++) bucketStart[b] = Math.max(bucketStart[b], bucketStart[b - 1]) // empty buckets
  return { length, from, bucketHours, total: r.total, positions, weights, bucketStart, perBucket }
}

export async function fetchHeat(q: { from: number; to: number; category: string; status: string }): Promise<HeatData> {
  const params = new URLSearchParams({ from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString(), bucket: 'hour' })
  if (q.to - q.from > 8 * 86_400_000) params.set('bucket', 'day')
  if (q.category) params.set('category', q.category)
  if (q.status) params.set('status', q.status)
  return toHeatData(await api<HeatResponse>(`/api/incidents/heat?${params}`))
}

/** The buckets whose start lies in [start, end) (ms), as [first, last + 1]. */
export function bucketsInWindow(h: HeatData, start: number, end: number): [number, number] {
  const bucketMs = h.bucketHours * 3_600_000
  const clamp = (b: number) => Math.min(Math.max(b, 0), h.perBucket.length)
  return [clamp(Math.ceil((start - h.from) / bucketMs - 1e-9)), clamp(Math.ceil((end - h.from) / bucketMs - 1e-9))]
}

/** Incidents inside [start, end) (ms), summed by bucket: what the slider window holds. */
export function countInWindow(h: HeatData, start: number, end: number): number {
  const [b0, b1] = bucketsInWindow(h, start, end)
  let sum = 0
  for (let b = b0; b < b1; b++) sum += h.perBucket[b]
  return sum
}
