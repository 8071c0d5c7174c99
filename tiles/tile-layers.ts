// The catalog of vector tile layers: which SQL makes each one, the properties it carries (the
// encoders, TileJSON and the style all read them from here), its zoom range, who may read it, how
// long a client may keep a tile, and which tables' data versions its cache entries depend on.
import { sqlFile } from '../db/sql-file.ts'
import type { ScopeColumns } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'

export type FieldType = 'String' | 'Number' | 'Boolean'
export type VersionSource = 'admin_unit' | 'grid' | 'station' | 'incident' | 'unit'

export interface TileLayer {
  name: string
  description: string
  /** The layer's query; see tiles/admin.sql for its shape. */
  sql: string
  /** Properties in the order the query returns them (after mvt_id and geom). */
  fields: Record<string, FieldType>
  /** The query returns an integer feature id (MVT feature id, MapLibre feature-state). */
  featureId: boolean
  geometry: 'polygon' | 'point' | 'mixed'
  minzoom: number
  maxzoom: number
  /** Public layers are cached once for everybody; scoped ones per jurisdiction. */
  scope: ScopeColumns | null
  cacheControl: string
  sources: VersionSource[]
}

const PUBLIC_BOUNDARIES = 'public, max-age=300' // admin units and stations change by import, seldom
const PUBLIC_EDITED = 'public, no-cache' // grids are edited on the map desk: always revalidated, a 304 while unchanged
const PRIVATE_LIVE = 'private, no-cache' // always revalidated: new reports arrive every minute; the ETag makes it a 304

/** Units are seen by their station, and by the centers whose area holds their last position. */
const UNIT_SCOPE: ScopeColumns = {
  station: 's.code',
  area: `(SELECT a.code FROM admin_unit a WHERE a.level = 'village' AND ST_Intersects(a.geom, u.position) ORDER BY a.code LIMIT 1)`,
}

const layer = (name: string, rest: Omit<TileLayer, 'name' | 'sql'>): TileLayer => ({
  name,
  sql: sqlFile(import.meta.url, `${name}.sql`),
  ...rest,
})

export const TILE_LAYERS: Record<string, TileLayer> = {
  admin: layer('admin', {
    description: 'Counties at every zoom, towns from z9, villages/communities from z12 (行政区划)',
    fields: { code: 'String', name: 'String', level: 'String' },
    featureId: true, geometry: 'polygon', minzoom: 0, maxzoom: 16,
    scope: null, cacheControl: PUBLIC_BOUNDARIES, sources: ['admin_unit'],
  }),
  grids: layer('grids', {
    description: 'Current basic grids (基础网格) from z10; name, village and counts from z13',
    fields: { code: 'String', name: 'String', village_code: 'String', households: 'Number', population: 'Number' },
    featureId: true, geometry: 'polygon', minzoom: 10, maxzoom: 16,
    scope: null, cacheControl: PUBLIC_EDITED, sources: ['grid'],
  }),
  exclusive_grids: layer('exclusive_grids', {
    description: 'Current exclusive grids (专属网格) from z11; name from z13',
    fields: { code: 'String', exclusive_type: 'String', name: 'String' },
    featureId: true, geometry: 'polygon', minzoom: 11, maxzoom: 16,
    scope: null, cacheControl: PUBLIC_EDITED, sources: ['grid'],
  }),
  stations: layer('stations', {
    description: 'Police station jurisdictions (派出所辖区) from z8',
    fields: { code: 'String', name: 'String', county_code: 'String' },
    featureId: true, geometry: 'polygon', minzoom: 8, maxzoom: 16,
    scope: null, cacheControl: PUBLIC_BOUNDARIES, sources: ['station'],
  }),
  incidents: layer('incidents', {
    description: 'Incidents in your jurisdiction: counts per hexagon below z13 (count), points from z13',
    fields: { id: 'String', category: 'String', status: 'String', reported_at: 'Number', count: 'Number' },
    featureId: false, geometry: 'mixed', minzoom: 8, maxzoom: 16,
    scope: INCIDENT_SCOPE, cacheControl: PRIVATE_LIVE, sources: ['incident'],
  }),
  units: layer('units', {
    description: 'Patrol units at their last position, in your jurisdiction',
    fields: { code: 'String', name: 'String', kind: 'String', status: 'String', station_code: 'String', position_at: 'Number' },
    featureId: true, geometry: 'point', minzoom: 8, maxzoom: 16,
    scope: UNIT_SCOPE, cacheControl: PRIVATE_LIVE, sources: ['unit'],
  }),
}

export const INCIDENT_POINTS_FROM_ZOOM = 13 // tiles/incidents.sql: hexagon counts below, points from here
