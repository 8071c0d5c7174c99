import { describe, expect, it } from 'vitest'
import { uuidV5 } from './uuid-v5.ts'

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8' // RFC 9562's DNS namespace

describe('uuidV5', () => {
  it('matches the RFC 9562 example for www.example.com', () => {
    expect(uuidV5(DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it('gives the same id for the same name and another for another name or namespace', () => {
    const ns = '5c6b7f2e-8d0a-4a51-9f3e-31d0c1a9e7b4'
    expect(uuidV5(ns, '110-20261203-0001')).toBe(uuidV5(ns, '110-20261203-0001'))
    expect(uuidV5(ns, '110-20261203-0002')).not.toBe(uuidV5(ns, '110-20261203-0001'))
    expect(uuidV5(DNS, '110-20261203-0001')).not.toBe(uuidV5(ns, '110-20261203-0001'))
  })

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('hotline', 'x')).toThrow('is not a UUID')
  })
})
