// GET /api/incidents: filters, keyset paging and the caller's jurisdiction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '../db/test-database.ts'
import { openLoopFixture, type Account, type LoopFixture } from '../incidents/loop.fixture.ts'

describe.each(TEST_ENGINES)('listing incidents on %s', (kind) => {
  let f: LoopFixture
  const ids: Record<string, string> = {}
  const list = async (by: Account, query = '') => {
    const res = await f.t.app.request(`/api/incidents${query}`, { headers: { authorization: `Bearer ${f.token[by]}` } })
    return { status: res.status, body: (await res.json()) as { items: { id: string; status: string; light: string | null }[]; nextCursor: string | null; errors?: { field: string }[] } }
  }
  beforeAll(async () => {
    f = await openLoopFixture(kind)
    ids.reported = await f.reportIn('reported')
    ids.dispatched = await f.reportIn('dispatched')
    ids.closed = await f.reportIn('closed')
    ids.police = await f.report({ category: '0801' })
    ids.school = await f.report({ category: '1501', location: { type: 'Point', coordinates: [120.613, 31.903] } })
    await f.t.db.query(`UPDATE incident SET step_due_at = now() - interval '1 hour', step_warn_at = now() - interval '2 hours' WHERE id = $1`, [ids.dispatched])
  })
  afterAll(() => f?.close())

  it('filters by state, category, area, department and overdue', async () => {
    const only = async (query: string) => (await list('admin', query)).body.items.map((i) => i.id).sort()
    expect(await only('?status=closed')).toEqual([ids.closed])
    expect(await only('?status=reported&category=0801,1501')).toEqual([ids.police, ids.school].sort())
    expect(await only('?department=civil')).toEqual([ids.school])
    expect(await only('?overdue=true')).toEqual([ids.dispatched])
    expect(await only('?light=red')).toEqual([ids.dispatched])
    expect((await only('?area=320612001000')).length).toBe(5)
    expect(await only('?area=320623000000')).toEqual([])
    expect(await only('?from=2099-01-01T00:00:00Z')).toEqual([])
  })

  it('pages by keyset without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const { body } = await list('admin', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(body.items.length).toBeLessThanOrEqual(2)
      seen.push(...body.items.map((i) => i.id))
      cursor = body.nextCursor
    }
    expect(seen.length).toBe(new Set(seen).size)
    expect(new Set(seen)).toEqual(new Set((await list('admin', '?limit=500')).body.items.map((i) => i.id)))
  })

  it('shows each caller only their jurisdiction', async () => {
    const idsOf = async (by: Account) => (await list(by)).body.items.map((i) => i.id)
    expect(await idsOf('town-320623100')).toEqual([])
    expect((await idsOf('department-civil')).sort()).toEqual([ids.school])
    expect(await idsOf('department-police110')).toEqual([ids.police])
    expect((await idsOf('town-320612001')).length).toBe((await idsOf('admin')).length)
  })

  it('refuses bad parameters with a 400 naming them', async () => {
    for (const [query, field] of [['?status=lost', 'status.0'], ['?limit=5000', 'limit'], ['?cursor=abc', 'cursor'], ['?area=32', 'area'],
      ['?limit=0x10', 'limit'], ['?limit=1e2', 'limit'], ['?from=0000-01-01T00:00:00Z', 'from'], ['?to=9999-12-31T23:59:59-23:00', 'to'],
      ['?department=a%00b', 'department'],
      ['?cursor=MDAwMC0wMS0wMVQwMDowMDowMC4wMDAwMDBafDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA', 'cursor'], // year 0
      ['?cursor=MjAyNi0wMi0zMFQwMDowMDowMC4wMDAwMDBafDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA', 'cursor'], // 30 February
      ['?cursor=MjAyNi0xMi0wM3x6enp6enp6ei16enp6LXp6enotenp6ei16enp6enp6enp6eno', 'cursor'], // no time, no uuid
      ['?cursor=VHVlfDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA', 'cursor']]) { // "Tue", which Date.parse takes
      const { status, body } = await list('admin', query)
      expect(status).toBe(400)
      expect(body.errors?.map((e) => e.field)).toContain(field)
    }
  })
})
