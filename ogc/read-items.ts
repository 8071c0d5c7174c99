// One page of a collection's items and the number matched, as GeoJSON features (RFC 7946, CRS84).
import type { Queryable } from '../db/database.ts'
import { scopePredicate, type Jurisdiction } from '../accounts/jurisdiction.ts'
import type { OgcCollection } from './ogc-collections.ts'

export interface ItemsQuery {
  bbox?: [number, number, number, number]
  limit: number
  offset: number
  /** One feature by id. */
  id?: string
  /** [start, end] for temporal collections; null: open. */
  datetime?: [string | null, string | null]
  filters: Record<string, unknown>
  jurisdiction: Jurisdiction
}

export interface Feature {
  type: 'Feature'
  id: string
  geometry: unknown
  properties: Record<string, unknown>
}

export async function readItems(db: Queryable, c: OgcCollection, q: ItemsQuery): Promise<{ matched: number; features: Feature[] }> {
  const params: unknown[] = [...(q.bbox ?? [null, null, null, null]), q.limit, q.offset, q.id ?? null]
  if (c.temporal) params.push(q.datetime?.[0] ?? null, q.datetime?.[1] ?? null)
  params.push(...c.filterParams(q.filters))
  const sql = c.scope ? c.sql.replaceAll('{{scope}}', scopePredicate(q.jurisdiction, c.scope, params)) : c.sql
  const { rows } = await db.query<{ matched: number; id: string | null; geometry: string; properties: Record<string, unknown> }>(sql, params)
  return {
    matched: Number(rows[0]?.matched ?? 0),
    features: rows
      .filter((r) => r.id !== null)
      .map((r) => ({ type: 'Feature', id: r.id!, geometry: JSON.parse(r.geometry), properties: r.properties })),
  }
}
