// Bearer tokens: what verifies, what does not, and a remembered token still obeys the clock.
import { describe, expect, it } from 'vitest'
import { createTokenService } from './token-service.ts'

const SECRET = new TextEncoder().encode('a-test-secret-of-at-least-32-characters!')
const OTHER = new TextEncoder().encode('another-secret-of-at-least-32-characters')
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

describe('token service', () => {
  it('verifies what it signed, again and again, as the same user', async () => {
    const tokens = createTokenService(SECRET)
    const { token } = await tokens.sign(42, 'city_center')
    expect(await tokens.verify(token)).toBe(42)
    expect(await tokens.verify(token)).toBe(42) // now from memory
  })

  it('refuses a token of another key, a changed one, and alg none', async () => {
    const tokens = createTokenService(SECRET)
    const foreign = (await createTokenService(OTHER).sign(42, 'admin')).token
    expect(await tokens.verify(foreign)).toBeNull()
    const { token } = await tokens.sign(42, 'grid_worker')
    const [head, , sig] = token.split('.')
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    expect(await tokens.verify(`${head}.${b64url({ ...claims, sub: '1' })}.${sig}`)).toBeNull()
    expect(await tokens.verify(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`)).toBeNull()
    expect(await tokens.verify(token)).toBe(42) // the good one still passes after the bad ones
  })

  it('refuses a remembered token once the clock passes its expiry', async () => {
    let clock = Date.parse('2026-12-04T08:00:00Z')
    const tokens = createTokenService(SECRET, () => new Date(clock))
    const { token, expiresAt } = await tokens.sign(7, 'town_center')
    expect(await tokens.verify(token)).toBe(7)
    clock = expiresAt.getTime() - 1_000
    expect(await tokens.verify(token)).toBe(7)
    clock = expiresAt.getTime()
    expect(await tokens.verify(token)).toBeNull()
  })
})
