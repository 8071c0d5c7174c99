// Patrol units (巡逻组) for every police station and the last day of their AVL track: a position
// every five minutes, a random walk with momentum and pauses that turns back at the edge of the
// station's jurisdiction, so tracks and patrol coverage look like patrols, not noise.
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf'
import type { MultiPolygon } from 'geojson'
import { seededRandom, type SeededRandom } from './seeded-random.ts'
import type { SeedOptions, StationRow, SyntheticGeography } from './synthetic-city.ts'

const UNITS = 300                  // patrol units city-wide at scale 1
const STREAM = 0x0a71              // xored into the seed so this generator has its own stream
const STEP_MS = 5 * 60_000         // AVL reporting interval
const TRACK_MS = 24 * 3_600_000    // history kept per unit
const M_PER_DEG = 111_320          // metres per degree of latitude
const TURN_SD_DEG = 35             // heading change per step: patrols wander but keep going
const STOP_KEEP = 0.6              // a stopped unit stays stopped next step with this chance
const BOUNCE_TRIES = 8             // new headings tried at the jurisdiction edge before standing still
const KINDS = [                    // kind, share, cruising km/h, spread km/h
  ['car', 0.45, 28, 8], ['motorcycle', 0.2, 22, 6], ['bicycle', 0.15, 12, 3], ['foot', 0.2, 4.5, 1],
] as const
const STATUSES = [['available', 0.6], ['busy', 0.3], ['offline', 0.1]] as const

export type UnitKind = (typeof KINDS)[number][0]
export type UnitStatus = (typeof STATUSES)[number][0]
export type LonLat = [number, number]

export interface UnitPositionRow {
  at: Date
  location: LonLat                 // WGS-84, inside the station's jurisdiction
  speed: number                    // km/h
  heading: number                  // degrees clockwise from north, [0, 360)
}

export interface UnitRow {
  code: string                     // station code + '-' + 2 digits
  name: string                     // e.g. 金沙派出所巡逻1组
  kind: UnitKind
  stationCode: string
  status: UnitStatus
  position: LonLat                 // the last track point
  positionAt: Date
  positions: UnitPositionRow[]     // oldest first; offline units stop reporting part-way
}

/**
 * round(300 × scale) units, at least one per station, each with its day of positions. `geo` is not
 * read (jurisdictions come with the stations); it keeps the signature of the other generators.
 */
export function synthesizeUnits(geo: SyntheticGeography, stations: readonly StationRow[], opts: SeedOptions): { units: UnitRow[] } {
  const rng = seededRandom(opts.seed ^ STREAM)
  const perStation = allocate(Math.round(UNITS * opts.scale), stations)
  const units: UnitRow[] = []
  stations.forEach((station, s) => {
    for (let k = 1; k <= perStation[s]; k++) {
      const [kind, , cruise, spread] = weighted(rng, KINDS.map(x => [x, x[1]] as const))
      const status = weighted(rng, STATUSES)
      const positions = patrol(rng, station, cruise, spread, opts.now.getTime(), status === 'offline')
      const last = positions[positions.length - 1]
      units.push({
        code: `${station.code}-${String(k).padStart(2, '0')}`, name: `${station.name}巡逻${k}组`, kind,
        stationCode: station.code, status, position: last.location, positionAt: last.at, positions,
      })
    }
  })
  return { units }
}

/** Units per station: one each, the rest shared by jurisdiction size (largest remainder). */
function allocate(target: number, stations: readonly StationRow[]): number[] {
  const out = stations.map(() => 1)
  const rest = target - stations.length
  if (rest <= 0) return out
  const sizes = stations.map(s => Math.max(1, s.villageCodes.length))
  const total = sizes.reduce((a, b) => a + b, 0)
  const shares = sizes.map(n => (rest * n) / total)
  shares.forEach((x, i) => { out[i] += Math.floor(x) })
  const left = rest - shares.reduce((n, x) => n + Math.floor(x), 0)
  const byRemainder = shares.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let j = 0; j < left; j++) out[byRemainder[j][1]]++
  return out
}

function patrol(rng: SeededRandom, station: StationRow, cruise: number, spread: number, now: number,
  offline: boolean): UnitPositionRow[] {
  const steps = TRACK_MS / STEP_MS
  const lastStep = offline ? rng.int(Math.floor(steps / 6), Math.floor(steps * 5 / 6)) : steps
  let here = startPoint(rng, station)
  let heading = 360 * rng.next()
  let stopped = false
  const track: UnitPositionRow[] = []
  for (let j = 1; j <= lastStep; j++) {
    stopped = rng.next() < (stopped ? STOP_KEEP : 0.15)
    const pace = Math.min(Math.max(cruise + spread * rng.normal(), cruise - 2.5 * spread), cruise + 2.5 * spread)
    let speed = stopped ? 0 : pace
    heading = (heading + TURN_SD_DEG * rng.normal() + 360) % 360
    if (speed > 0) {
      const metres = (speed * 1000 * STEP_MS) / 3_600_000
      let moved = false
      for (let t = 0; t < BOUNCE_TRIES && !moved; t++) {
        const next = offset(here, heading, metres / (1 + t))
        if (booleanPointInPolygon(next, station.geom)) {
          here = next
          speed /= 1 + t             // a shortened step near the edge is a slower one
          moved = true
        } else {
          heading = (heading + 180 + 120 * (rng.next() - 0.5) + 360) % 360  // turn back inside
        }
      }
      if (!moved) speed = 0
    }
    track.push({ at: new Date(now - TRACK_MS + j * STEP_MS), location: here, speed: round1(speed), heading: round1(heading) % 360 })
  }
  return track
}

/** The station itself when its address lies in the jurisdiction, else any point inside. */
function startPoint(rng: SeededRandom, station: StationRow): LonLat {
  const home = station.addressPoint.coordinates as LonLat
  if (booleanPointInPolygon(home, station.geom)) return [home[0], home[1]]
  const [x0, y0, x1, y1] = bboxOf(station.geom)
  for (let t = 0; t < 1000; t++) {
    const p: LonLat = [x0 + (x1 - x0) * rng.next(), y0 + (y1 - y0) * rng.next()]
    if (booleanPointInPolygon(p, station.geom)) return p
  }
  return pointOnFeature(station.geom).geometry.coordinates as LonLat
}

function offset([x, y]: LonLat, headingDeg: number, metres: number): LonLat {
  const h = (headingDeg * Math.PI) / 180
  return [x + (metres * Math.sin(h)) / (M_PER_DEG * Math.cos((y * Math.PI) / 180)), y + (metres * Math.cos(h)) / M_PER_DEG]
}

function bboxOf(geom: MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const polygon of geom.coordinates) for (const [x, y] of polygon[0]) {
    box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y)
  }
  return box
}

function weighted<T>(rng: SeededRandom, table: readonly (readonly [T, number])[]): T {
  let u = rng.next()
  for (const [value, p] of table) if ((u -= p) < 0) return value
  return table[table.length - 1][0]
}

const round1 = (x: number) => Math.round(x * 10) / 10
