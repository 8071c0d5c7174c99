// Photos of an incident, kept in the database (so every API copy serves them) after their bytes
// are checked to be what the content type says.
import { createHash } from 'node:crypto'
import type { Queryable } from '../db/database.ts'

export const PHOTO_TYPES = { 'image/jpeg': [0xff, 0xd8, 0xff], 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] } as const
export type PhotoType = keyof typeof PHOTO_TYPES

/** The content type the bytes really have, or null. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  for (const [type, magic] of Object.entries(PHOTO_TYPES) as [PhotoType, readonly number[]][]) {
    if (magic.every((b, i) => bytes[i] === b)) return type
  }
  return null
}

export interface StoredPhoto {
  id: number
  contentType: PhotoType
  size: number
  sha256: string
}

/** Stores the photo; the same bytes uploaded again for the incident return the stored one. */
export async function storePhoto(db: Queryable, incidentId: string, type: PhotoType, bytes: Uint8Array, userId: number): Promise<StoredPhoto> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const { rows } = await db.query<{ id: number }>(
    `WITH ins AS (
       INSERT INTO incident_photo (incident_id, content_type, bytes, size, sha256, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (incident_id, sha256) DO NOTHING RETURNING id)
     SELECT id FROM ins UNION ALL SELECT id FROM incident_photo WHERE incident_id = $1 AND sha256 = $5 LIMIT 1`,
    [incidentId, type, bytes, bytes.length, sha256, userId],
  )
  return { id: rows[0].id, contentType: type, size: bytes.length, sha256 }
}
