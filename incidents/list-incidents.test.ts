import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from './list-incidents.ts'

describe('list cursors', () => {
  const id = '00000000-0000-4000-8000-000000000001'

  it('takes back every cursor the list writes, an old import’s 1969 instant included', () => {
    for (const reportedAt of ['2026-12-03T01:30:00.123456Z', '1969-12-31T16:00:00.000000Z', '2099-12-31T23:59:59.999999Z']) {
      expect(decodeCursor(encodeCursor({ reportedAt, id }))).toEqual({ reportedAt, id })
    }
  })

  it.each([
    ['year 0', '0000-01-01T00:00:00.000000Z'],
    ['30 February', '2026-02-30T00:00:00.000000Z'],
    ['milliseconds only', '2026-12-03T01:30:00.123Z'],
    ['a zone offset', '2026-12-03T09:30:00.000000+08:00'],
  ])('refuses one with %s', (_, reportedAt) => {
    expect(decodeCursor(encodeCursor({ reportedAt, id }))).toBeNull()
  })

  it('refuses one with a bad id or extra parts', () => {
    expect(decodeCursor(encodeCursor({ reportedAt: '2026-12-03T01:30:00.123456Z', id: 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' }))).toBeNull()
    expect(decodeCursor(Buffer.from(`2026-12-03T01:30:00.123456Z|${id}|x`).toString('base64url'))).toBeNull()
  })
})
