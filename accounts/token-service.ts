// Bearer tokens: JWTs signed with HS256. Verification pins the algorithm, issuer and audience, so
// `alg: none`, a token signed with another key or algorithm, and an expired token are all refused.
// A map desk sends hundreds of requests with one token, so a token that verified is remembered
// (bounded, oldest out first) with its expiry, and checked again only against the clock: the
// signature, issuer and audience of a given string cannot change. The key is imported once.
// Whether the account is still active is the caller's fresh read (api/access.ts), every time.
import { randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Queryable } from '../db/database.ts'

const ALGORITHM = 'HS256'
const ISSUER = 'wangge'
const AUDIENCE = 'wangge-api'
const TOKEN_LIFETIME_S = 12 * 3600 // one working shift
const KEY_NAME = 'jwt-hs256' // row in server_key
const REMEMBERED_TOKENS = 10_000 // verified tokens kept: more than the signed-in users of a city

export interface TokenService {
  sign(userId: number, role: string): Promise<{ token: string; expiresAt: Date }>
  /** The user id, or null for any token that is not valid now. */
  verify(token: string): Promise<number | null>
}

export function createTokenService(secret: Uint8Array, now: () => Date = () => new Date()): TokenService {
  const key = crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
  const verified = new Map<string, { id: number; expiresAtMs: number }>() // insertion order: oldest first
  return {
    async sign(userId, role) {
      const iat = Math.floor(now().getTime() / 1000)
      const exp = iat + TOKEN_LIFETIME_S
      const token = await new SignJWT({ role })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(await key)
      return { token, expiresAt: new Date(exp * 1000) }
    },
    async verify(token) {
      const known = verified.get(token)
      if (known) return now().getTime() < known.expiresAtMs ? known.id : null
      try {
        const { payload } = await jwtVerify(token, await key, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          requiredClaims: ['exp'],
          currentDate: now(),
        })
        const id = Number(payload.sub)
        if (!(Number.isSafeInteger(id) && id > 0)) return null
        if (verified.size >= REMEMBERED_TOKENS) verified.delete(verified.keys().next().value!)
        verified.set(token, { id, expiresAtMs: payload.exp! * 1000 })
        return id
      } catch {
        return null
      }
    },
  }
}

/**
 * The signing secret: JWT_SECRET when set (at least 32 characters), else one generated on first
 * start and kept in the database, so every API copy and every restart shares it.
 */
export async function loadSigningSecret(db: Queryable, envSecret?: string): Promise<Uint8Array> {
  if (envSecret) {
    if (envSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters long.')
    return new TextEncoder().encode(envSecret)
  }
  await db.query('INSERT INTO server_key (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    KEY_NAME,
    randomBytes(32).toString('base64'),
  ])
  const { rows } = await db.query<{ secret: string }>('SELECT secret FROM server_key WHERE name = $1', [KEY_NAME])
  return new Uint8Array(Buffer.from(rows[0].secret, 'base64'))
}
