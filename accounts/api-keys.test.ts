// API keys on a real database, both engines: issued once in plain text, stored as a hash, found
// only while the key and its account are active.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from '../db/test-database.ts'
import { createUser } from './create-user.ts'
import { verifyPassword } from './hash-password.ts'
import { demoApiKey, findApiKey, issueApiKey, KEY_ONLY_PASSWORD_HASH } from './api-keys.ts'

describe.each(TEST_ENGINES)('API keys on %s', (kind) => {
  let db: TestDatabase
  let userId: number
  beforeAll(async () => {
    db = await openTestDatabase(kind)
    userId = await createUser(db, { username: 'hotline12345', displayName: '12345热线', role: 'city_center', scopeKind: 'all', passwordHash: KEY_ONLY_PASSWORD_HASH })
  })
  afterAll(() => db?.dispose())

  it('issues a random wg_ key and keeps only its SHA-256', async () => {
    const key = await issueApiKey(db, { name: '12345热线', client: 'hotline', userId })
    expect(key).toMatch(/^wg_[A-Za-z0-9_-]{43}$/)
    expect(await issueApiKey(db, { name: 'second', client: 'hotline', userId })).not.toBe(key)
    const { rows } = await db.query<{ key_hash: string; row: string }>('SELECT key_hash, row_to_json(k)::text AS row FROM api_key k WHERE name = $1', ['12345热线'])
    expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'))
    expect(rows[0].row).not.toContain(key.slice(3))
  })

  it('finds the service account, its client and its jurisdiction by the key', async () => {
    const key = await issueApiKey(db, { name: '12345 finder', client: 'hotline', userId })
    const found = await findApiKey(db, key)
    expect(found).toMatchObject({ name: '12345 finder', client: 'hotline', user: { id: userId, username: 'hotline12345', role: 'city_center' }, jurisdiction: { kind: 'all' } })
    expect(found?.user).not.toHaveProperty('passwordHash')
    expect(await findApiKey(db, `${key}x`)).toBeNull()
    expect(await findApiKey(db, 'short')).toBeNull()
    expect(await findApiKey(db, 'wg_ with spaces and more text')).toBeNull()
  })

  it('stops finding a key once it or its account is deactivated', async () => {
    const key = await issueApiKey(db, { name: 'revoked', client: '110', userId })
    await db.query('UPDATE api_key SET active = false WHERE name = $1', ['revoked'])
    expect(await findApiKey(db, key)).toBeNull()
    const other = await createUser(db, { username: 'feed110', displayName: '110', role: 'city_center', scopeKind: 'all', passwordHash: KEY_ONLY_PASSWORD_HASH })
    const key2 = await issueApiKey(db, { name: '110', client: '110', userId: other })
    expect(await findApiKey(db, key2)).not.toBeNull()
    await db.query('UPDATE app_user SET active = false WHERE id = $1', [other])
    expect(await findApiKey(db, key2)).toBeNull()
  })

  it('takes a configured key as given and refuses one too short to be a secret', async () => {
    await issueApiKey(db, { name: 'configured', client: 'hotline', userId, key: 'operator-chosen-key-0001' })
    expect((await findApiKey(db, 'operator-chosen-key-0001'))?.name).toBe('configured')
    await expect(issueApiKey(db, { name: 'weak', client: 'hotline', userId, key: 'abc' })).rejects.toThrow('16 to 256 printable')
  })

  it('derives the same demo key from the same password, another per client and password', () => {
    expect(demoApiKey('hotline', 'wangge-demo')).toBe(demoApiKey('hotline', 'wangge-demo'))
    expect(demoApiKey('hotline', 'wangge-demo')).not.toBe(demoApiKey('110', 'wangge-demo'))
    expect(demoApiKey('hotline', 'wangge-demo')).not.toBe(demoApiKey('hotline', 'other-password'))
    expect(demoApiKey('110', 'wangge-demo')).toMatch(/^wg_[A-Za-z0-9_-]{43}$/)
  })

  it('gives a service account a password hash no password matches', async () => {
    expect(await verifyPassword('', KEY_ONLY_PASSWORD_HASH)).toBe(false)
    expect(await verifyPassword('!api-key-only', KEY_ONLY_PASSWORD_HASH)).toBe(false)
  })
})
