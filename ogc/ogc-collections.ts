// The OGC API – Features collections: what each serves, the SQL that reads it, who may read it,
// and its simple property filters (query parameters → the SQL's parameters from $8 on).
import { z } from 'zod'
import { sqlFile } from '../db/sql-file.ts'
import type { ScopeColumns } from '../accounts/jurisdiction.ts'
import { INCIDENT_SCOPE } from '../incidents/incident-scope.ts'

const STATUSES = ['reported', 'accepted', 'rejected', 'merged', 'dispatched', 'signed', 'handled', 'verified', 'closed', 'evaluated', 'shelved'] as const
const ADMIN_CODE = z.string().regex(/^\d{12}$/, 'is a 12-digit statistical code')
const COUNTY = z.string().regex(/^\d{6}(\d{6})?$/, 'is a county code (6 or 12 digits)').transform((c) => c.slice(0, 6))
const commaList = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))

export interface OgcCollection {
  id: string
  title: string
  description: string
  sql: string
  /** null: public; otherwise the jurisdiction columns of incidents/incident-scope.ts. */
  scope: ScopeColumns | null
  /** Items carry reported_at and take `datetime`. */
  temporal: boolean
  featureId: RegExp
  filters: z.ZodType<Record<string, unknown>>
  /** The validated filters as the SQL's parameters from $8 on, in order. */
  filterParams(f: Record<string, unknown>): unknown[]
}

const GRIDS_SQL = sqlFile(import.meta.url, 'grids.sql')
const GridFilters = z.object({ county: COUNTY.optional(), village: ADMIN_CODE.optional() })

export const OGC_COLLECTIONS: Record<string, OgcCollection> = {
  admin_units: {
    id: 'admin_units',
    title: '行政区划 Admin units',
    description: 'City, counties/districts, towns/streets and villages/communities with their 12-digit statistical codes. Filters: level, parent, county.',
    sql: sqlFile(import.meta.url, 'admin_units.sql'),
    scope: null,
    temporal: false,
    featureId: /^\d{12}$/,
    filters: z.object({ level: z.enum(['city', 'county', 'town', 'village']).optional(), parent: ADMIN_CODE.optional(), county: COUNTY.optional() }),
    filterParams: (f) => [f.level ?? null, f.parent ?? null, f.county ?? null],
  },
  grids: {
    id: 'grids',
    title: '基础网格 Basic grids',
    description: 'The current version of every basic grid, with households and population. Filters: county, village.',
    sql: GRIDS_SQL,
    scope: null,
    temporal: false,
    featureId: /^\d{15}$/,
    filters: GridFilters,
    filterParams: (f) => ['basic', f.county ?? null, f.village ?? null, null],
  },
  exclusive_grids: {
    id: 'exclusive_grids',
    title: '专属网格 Exclusive grids',
    description: 'Schools, hospitals, markets, parks and other exclusive grids drawn over the basic grids. Filters: county, village, type.',
    sql: GRIDS_SQL,
    scope: null,
    temporal: false,
    featureId: /^\d{12}[0-9A-Z]{1,4}$/,
    filters: GridFilters.extend({ type: z.string().regex(/^[a-z_]{1,40}$/, 'is an exclusive grid type such as school').optional() }),
    filterParams: (f) => ['exclusive', f.county ?? null, f.village ?? null, f.type ?? null],
  },
  stations: {
    id: 'stations',
    title: '派出所辖区 Police station jurisdictions',
    description: 'The area each police station (派出所) answers for. Filter: county.',
    sql: sqlFile(import.meta.url, 'stations.sql'),
    scope: null,
    temporal: false,
    featureId: /^[0-9A-Z]{1,20}$/,
    filters: z.object({ county: COUNTY.optional() }),
    filterParams: (f) => [f.county ?? null],
  },
  incidents: {
    id: 'incidents',
    title: '事件 Incidents',
    description: 'Reported incidents within your jurisdiction (sign in; send the token as "Authorization: Bearer …"), newest first. Filters: datetime, category (class or category codes), status, county.',
    sql: sqlFile(import.meta.url, 'incidents.sql'),
    scope: INCIDENT_SCOPE,
    temporal: true,
    featureId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    filters: z.object({
      category: commaList.pipe(z.array(z.string().regex(/^\d{2}(\d{2})?$/, 'holds class (2 digits) or category (4 digits) codes')).min(1).max(100)).optional(),
      status: commaList.pipe(z.array(z.enum(STATUSES)).min(1).max(100)).optional(),
      county: COUNTY.optional(),
    }),
    filterParams: (f) => [
      (f.category as string[] | undefined)?.map((c) => (c.length === 2 ? `${c}%` : c)) ?? null,
      f.status ?? null,
      f.county ?? null,
    ],
  },
}
