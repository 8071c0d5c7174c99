// COPY in and out on both engines, inside a transaction and outside one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, TEST_ENGINES, type TestDatabase } from './test-database.ts'

const COPY_IN = 'COPY copy_probe (n, note) FROM STDIN WITH (FORMAT csv)'
const COPY_OUT = 'COPY (SELECT n, note FROM copy_probe ORDER BY n) TO STDOUT'

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let s = ''
  for await (const c of chunks) s += c
  return s
}

describe.each(TEST_ENGINES)('COPY on %s', (kind) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await openTestDatabase(kind)
    await db.exec('CREATE TABLE copy_probe (n int PRIMARY KEY, note text)')
  })
  afterAll(() => db?.dispose())

  it('loads CSV sent in chunks that split rows and characters, and reads it back as text', async () => {
    const csv = '1,"网格, ""quoted"""\n2,\n3,"two\nlines"\n'
    const chunks = [csv.slice(0, 5), csv.slice(5, 17), csv.slice(17)]
    expect(await db.copyFrom(COPY_IN, chunks)).toBe(3)
    expect(await text(db.copyTo(COPY_OUT))).toBe('1\t网格, "quoted"\n2\t\\N\n3\ttwo\\nlines\n')
  })

  it('copies inside a transaction and rolls the rows back with it', async () => {
    await expect(db.transaction(async (tx) => {
      await tx.copyFrom(COPY_IN, (async function* () { yield '10,a\n'; yield '11,b\n' })())
      expect(await text(tx.copyTo('COPY (SELECT count(*) FROM copy_probe WHERE n >= 10) TO STDOUT'))).toBe('2\n')
      throw new Error('roll back')
    })).rejects.toThrow('roll back')
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM copy_probe WHERE n >= 10')
    expect(rows[0].n).toBe(0)
  })

  it('fails on a bad row and leaves the handle usable', async () => {
    await expect(db.copyFrom(COPY_IN, ['x,bad\n'])).rejects.toThrow(/integer/)
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1)
  })
})
