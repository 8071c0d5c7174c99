// Bearer tokens: JWTs signed with HS256. Verification pins the algorithm, issuer and audience, so
// `alg: none`, a token signed with another key or algorithm, and an expired token are all refused.
import { randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Queryable } from '../db/database.ts'

const ALGORITHM = 'HS256'
const ISSUER = 'wangge'
const AUDIENCE = 'wangge-api'
const TOKEN_LIFETIME_S = 12 * 3600 // one working shift
const KEY_NAME = 'jwt-hs256' // row in server_key

export interface TokenService {
  sign(userId: number, role: string): Promise<{ token: string; expiresAt: Date }>
  /** The user id, or null for any token that is not valid now. */
  verify(token: string): Promise<number | null>
}

export function createTokenService(secret: Uint8Array, now: () => Date = () => new Date()): TokenService {
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
        .sign(secret)
      return { token, expiresAt: new Date(exp * 1000) }
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: now(),
        })
        const id = Number(payload.sub)
        return Number.isSafeInteger(id) && id > 0 ? id : null
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
