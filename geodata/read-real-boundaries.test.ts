// The real districts as they enter the database: WGS-84, the current codes, every source vertex kept.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FeatureCollection, MultiPolygon, Position } from 'geojson'
import { readRealBoundaries } from './read-real-boundaries.ts'
import { positionFromWgs84 } from './to-wgs84.ts'

const SOURCE: FeatureCollection<MultiPolygon> = JSON.parse(
  readFileSync(new URL('sources/nantong-districts.gcj02.geojson', import.meta.url), 'utf8'),
)
const METRES_PER_DEGREE = 111_320 // at the equator; longitude is scaled by cos(latitude)

function metres(a: Position, b: Position): number {
  const k = Math.cos((a[1] * Math.PI) / 180)
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * METRES_PER_DEGREE
}

describe('the real district boundaries', () => {
  const real = readRealBoundaries()

  it('carries the current codes (崇川区 320613, 海门区 320614) and the CSV names', () => {
    expect(real.counties.map((c) => `${c.code} ${c.name}`)).toEqual([
      '320612000000 通州区', '320613000000 崇川区', '320614000000 海门区', '320623000000 如东县',
      '320681000000 启东市', '320682000000 如皋市', '320685000000 海安市',
    ])
    expect(real.towns).toHaveLength(100)
  })

  it('converts every source vertex to WGS-84 so that GCJ-02 of it is the source within 1 m', () => {
    let worst = 0
    let checked = 0
    for (const f of SOURCE.features) {
      const code = { '320602': '320613', '320684': '320614' }[String(f.properties!.adcode)] ?? String(f.properties!.adcode)
      const county = real.counties.find((c) => c.code === `${code}000000`)!
      // Densification adds vertices but keeps the source ones: find each source vertex's image.
      const images = county.geom.coordinates.flat(2).map((p) => positionFromWgs84(p, 'GCJ02'))
      for (const src of f.geometry.coordinates.flat(2)) {
        worst = Math.max(worst, Math.min(...images.map((q) => metres(q, src))))
        if (++checked >= 200) break // a sample per district keeps this O(n·m) check fast
      }
      checked = 0
    }
    expect(worst).toBeLessThan(1)
  })

  it('moves Nantong by the GCJ-02 offset: about 400 m west and 240 m north of the source', () => {
    const src = SOURCE.features[0].geometry.coordinates[0][0][0]
    const wgs = real.counties.find((c) => c.code === '320613000000')!.geom.coordinates[0][0][0]
    expect(src[0] - wgs[0]).toBeCloseTo(0.0043, 3)
    expect(src[1] - wgs[1]).toBeCloseTo(-0.0021, 3)
  })
})
