import { describe, expect, it } from 'vitest'
import { createLoginThrottle } from './login-throttle.ts'

describe('the sign-in throttle', () => {
  it('refuses an account after 10 failures in 15 minutes, and lets it in again after', () => {
    let t = 0
    const throttle = createLoginThrottle(() => t)
    for (let i = 0; i < 10; i++) {
      expect(throttle.retryAfter('admin', '10.0.0.1')).toBe(0)
      throttle.failed('admin', '10.0.0.1')
      t += 1000
    }
    expect(throttle.retryAfter('admin', '10.0.0.2')).toBeGreaterThan(0) // another address does not help
    expect(throttle.retryAfter('city', '10.0.0.2')).toBe(0) // another account is not affected
    t += 15 * 60_000
    expect(throttle.retryAfter('admin', '10.0.0.1')).toBe(0)
  })

  it('refuses an address that fails across many accounts', () => {
    const throttle = createLoginThrottle(() => 0)
    for (let i = 0; i < 50; i++) throttle.failed(`user${i}`, '10.0.0.9')
    expect(throttle.retryAfter('fresh', '10.0.0.9')).toBeGreaterThan(0)
  })

  it('forgets an account\'s failures when it signs in', () => {
    const throttle = createLoginThrottle(() => 0)
    for (let i = 0; i < 9; i++) throttle.failed('admin', 'a')
    throttle.succeeded('admin')
    throttle.failed('admin', 'a')
    expect(throttle.retryAfter('admin', 'b')).toBe(0)
  })
})
