// A fresh read: never older than its call, shared by the callers that waited together.
import { describe, expect, it } from 'vitest'
import { createFreshRead } from './fresh-read.ts'

/** A load whose calls are answered by hand, in order, so the test decides what "meanwhile" is. */
function manualLoad() {
  const calls: { key: string; resolve: (v: number) => void; reject: (e: Error) => void }[] = []
  const load = (key: string) => new Promise<number>((resolve, reject) => calls.push({ key, resolve, reject }))
  return { calls, load }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('fresh read', () => {
  it('reads once for a lone caller', async () => {
    const { calls, load } = manualLoad()
    const read = createFreshRead(load)
    const a = read('u1')
    calls[0].resolve(1)
    expect(await a).toBe(1)
    expect(calls).toHaveLength(1)
  })

  it('gives a caller that arrives during a read the next read, not the running one', async () => {
    const { calls, load } = manualLoad()
    const read = createFreshRead(load)
    const first = read('u1')
    const later = read('u1') // arrives after the first read began: it may predate a commit this caller saw
    calls[0].resolve(1)
    expect(await first).toBe(1)
    await tick()
    expect(calls).toHaveLength(2)
    calls[1].resolve(2)
    expect(await later).toBe(2)
  })

  it('shares the next read among all who arrived during one', async () => {
    const { calls, load } = manualLoad()
    const read = createFreshRead(load)
    void read('u1')
    const waiting = Array.from({ length: 50 }, () => read('u1'))
    calls[0].resolve(1)
    await tick()
    calls[1].resolve(2)
    expect(await Promise.all(waiting)).toEqual(Array(50).fill(2))
    expect(calls).toHaveLength(2)
  })

  it('reads each key on its own', async () => {
    const { calls, load } = manualLoad()
    const read = createFreshRead(load)
    const a = read('u1')
    const b = read('u2')
    expect(calls.map((c) => c.key)).toEqual(['u1', 'u2'])
    calls[1].resolve(20)
    calls[0].resolve(10)
    expect([await a, await b]).toEqual([10, 20])
  })

  it('passes a failed read to its callers only; those waiting get a read of their own', async () => {
    const { calls, load } = manualLoad()
    const read = createFreshRead(load)
    const failing = read('u1')
    const waiting = read('u1')
    calls[0].reject(new Error('connection lost'))
    await expect(failing).rejects.toThrow('connection lost')
    await tick()
    calls[1].resolve(3)
    expect(await waiting).toBe(3)
    const again = read('u1') // nothing running any more: a new read
    expect(calls).toHaveLength(3)
    calls[2].resolve(4)
    expect(await again).toBe(4)
  })
})
