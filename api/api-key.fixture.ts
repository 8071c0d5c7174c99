// Test fixture: a city-wide service account with one API key, as the demo seed makes for the 12345
// hotline and the 110 feed. Returns the key's text.
import type { Queryable } from '../db/database.ts'
import { createUser } from '../accounts/create-user.ts'
import { issueApiKey, KEY_ONLY_PASSWORD_HASH, type ApiClient } from '../accounts/api-keys.ts'

export async function issueServiceKey(db: Queryable, username: string, client: ApiClient): Promise<string> {
  const userId = await createUser(db, {
    username, displayName: username, role: 'city_center', scopeKind: 'all', passwordHash: KEY_ONLY_PASSWORD_HASH,
  })
  return issueApiKey(db, { name: username, client, userId })
}
