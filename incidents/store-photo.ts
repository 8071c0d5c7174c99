// Photos of an incident, kept in the database (so every API copy serves them) after their bytes
// are checked to be what the content type says. The same bytes again are the same photo: no new
// row and no new audit entry.
import { createHash } from 'node:crypto'
import type { Database } from '../db/database.ts'
import { sqlFile } from '../db/sql-file.ts'

const INSERT_PHOTO = sqlFile(import.meta.url, 'insert-photo.sql')
const FIND_PHOTO = 'SELECT id FROM incident_photo WHERE incident_id = $1 AND sha256 = $2'
const RECORD_EVENT = sqlFile(import.meta.url, 'record-event.sql')

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
  replayed: boolean
}

export async function storePhoto(
  db: Database, incidentId: string, type: PhotoType, bytes: Uint8Array, by: { id: number; role: string },
): Promise<StoredPhoto> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return db.transaction(async (tx) => {
    const inserted = await tx.query<{ id: number }>(INSERT_PHOTO, [incidentId, type, bytes, bytes.length, sha256, by.id])
    if (inserted.rows[0]) {
      const id = inserted.rows[0].id
      await tx.query(RECORD_EVENT, [incidentId, by.id, by.role, 'photo', null, null, null, JSON.stringify({ photo: id, sha256 })])
      return { id, contentType: type, size: bytes.length, sha256, replayed: false }
    }
    // Uploaded before (or by a concurrent retry that committed first): a new statement sees it.
    const existing = await tx.query<{ id: number }>(FIND_PHOTO, [incidentId, sha256])
    return { id: existing.rows[0].id, contentType: type, size: bytes.length, sha256, replayed: true }
  })
}
