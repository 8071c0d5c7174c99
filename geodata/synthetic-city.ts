// The shapes the seed generators hand to the loader. Geometry is GeoJSON in WGS-84 (EPSG:4326);
// rows map one to one onto the tables of migrations/0002_core_schema.sql.
import type { MultiPolygon, Point } from 'geojson'

export type AdminLevel = 'city' | 'county' | 'town' | 'village'

export interface AdminUnitRow {
  code: string                // 12-digit statistical code
  parentCode: string | null
  level: AdminLevel
  name: string
  kind: string                // 市辖区/县级市/县/街道/镇/乡/社区/村
  synthetic: boolean
  urban: boolean              // urban street/community (denser, smaller) vs rural town/village
  geom: MultiPolygon
}

export type ExclusiveType =
  | 'school' | 'hospital' | 'market' | 'industrial_park' | 'enterprise' | 'scenic_area'
  | 'construction_site' | 'transport_hub' | 'government' | 'residential_estate'

export interface GridRow {
  code: string                // basic: village code + 3 digits; exclusive: see generator
  kind: 'basic' | 'exclusive'
  exclusiveType: ExclusiveType | null
  name: string
  villageCode: string
  countyCode: string
  households: number
  population: number
  geom: MultiPolygon
}

export interface StationRow {
  code: string
  name: string                // e.g. 金沙派出所
  countyCode: string
  address: string
  addressPoint: Point
  villageCodes: string[]      // the communities its jurisdiction is made of
  geom: MultiPolygon
}

export interface SyntheticGeography {
  adminUnits: AdminUnitRow[]  // city, 7 counties (real), 100 towns, ~1,916 villages
  grids: GridRow[]            // 10,719 basic + 4,571 exclusive at scale 1
  stations: StationRow[]
}

/** Seed options shared by every generator: the same values give identical output. */
export interface SeedOptions {
  seed: number                // PRNG seed
  scale: number               // 1 = the real city's counts; 0.1 = a tenth (tests)
  now: Date                   // "today" for generated time series
}
