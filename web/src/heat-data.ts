// The heat counts of GET /api/incidents/heat, ready for deck.gl: one entry per cell and bucket,
// ordered by bucket, so a time window is a contiguous range of entries. A window is drawn as one
// point per cell at the cell's centre, weighted by the window's sum for that cell: the entries of
// the range are added up per cell in JavaScript (a millisecond per 100,000 entries), which keeps
// the points the GPU splats to the cells on screen, however many days the window holds. The cell
// size follows the zoom (heatCellMetres): a cell stays well below the heat kernel on screen.

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
  length: number // entries (cell × bucket)
  from: number // ms
  bucketHours: number
  total: number
  cellMetres: number // the cell size asked for
  /** Per distinct cell: its centre as lon, lat, 0 (deck.gl's aggregators read three components). */
  cellPositions: Float32Array
  /** Per entry: its cell (index into cellPositions / 3) and its count. */
  cellOf: Uint32Array
  counts: Float32Array
  /** bucketStart[b]: index of the first point of bucket b (points are ordered by bucket); length buckets + 1. */
  bucketStart: Uint32Array
  /** Counts per bucket (for the slider's figure without touching the GPU). */
  perBucket: Float64Array
}

const MIN_CELL_M = 200 // at zoom 12 and closer, where the kernel spans about a kilometre
const CELL_ZOOM = 12 // the cell doubles per zoom level out from here
const MAX_CELL_DOUBLINGS = 3 // 1.6 km at zoom 9 and farther out, where the kernel spans ~10 km

/** The heat cell size for a (whole) zoom level, in metres. */
export function heatCellMetres(zoom: number): number {
  return MIN_CELL_M * 2 ** Math.min(MAX_CELL_DOUBLINGS, Math.max(0, CELL_ZOOM - Math.round(zoom)))
}

export function toHeatData(r: HeatResponse, cellMetres = MIN_CELL_M): HeatData {
  const length = r.x.length
  const order = Array.from({ length }, (_, k) => k)
  if (r.t.some((t, k) => k > 0 && t < r.t[k - 1])) order.sort((a, b) => r.t[a] - r.t[b]) // the server orders by bucket already
  const cellIndex = new Map<number, number>() // x * 2^20 + y → distinct cell
  const centres: number[] = []
  const cellOf = new Uint32Array(length)
  const counts = new Float32Array(length)
  const bucketHours = r.bucketSeconds / 3600
  const from = Date.parse(r.from)
  const buckets = Math.max(1, Math.ceil((Date.parse(r.to) - from) / (r.bucketSeconds * 1000)))
  const perBucket = new Float64Array(buckets)
  const bucketStart = new Uint32Array(buckets + 1)
  order.forEach((src, k) => {
    const key = r.x[src] * 1_048_576 + r.y[src]
    let cell = cellIndex.get(key)
    if (cell === undefined) {
      cell = cellIndex.size
      cellIndex.set(key, cell)
      centres.push((r.x[src] + 0.5) * r.cellDegrees, (r.y[src] + 0.5) * r.cellDegrees, 0)
    }
    cellOf[k] = cell
    counts[k] = r.n[src]
    perBucket[r.t[src]] += r.n[src]
    bucketStart[r.t[src] + 1] = k + 1
  })
  for (let b = 1; b <= buckets; b++) bucketStart[b] = Math.max(bucketStart[b], bucketStart[b - 1]) // empty buckets
  return { length, from, bucketHours, total: r.total, cellMetres, cellPositions: new Float32Array(centres), cellOf, counts, bucketStart, perBucket }
}

/** The points of the buckets [b0, b1): each cell with incidents there, at its centre, with their sum. */
export function windowPoints(h: HeatData, b0: number, b1: number): { length: number; positions: Float32Array; weights: Float32Array } {
  const cells = h.cellPositions.length / 3
  const sums = new Float32Array(cells)
  for (let k = h.bucketStart[b0], end = h.bucketStart[b1]; k < end; k++) sums[h.cellOf[k]] += h.counts[k]
  let length = 0
  for (let c = 0; c < cells; c++) if (sums[c] > 0) length++
  const positions = new Float32Array(length * 3)
  const weights = new Float32Array(length)
  for (let c = 0, k = 0; c < cells; c++) {
    if (!(sums[c] > 0)) continue
    positions.set(h.cellPositions.subarray(3 * c, 3 * c + 3), 3 * k)
    weights[k++] = sums[c]
  }
  return { length, positions, weights }
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
