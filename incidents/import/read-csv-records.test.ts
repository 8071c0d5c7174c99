// CSV records from text cut into chunks anywhere: the same records, with the line each starts on.
import { describe, expect, it } from 'vitest'
import { readCsvRecords, type CsvRecord } from './read-csv-records.ts'

async function read(chunks: string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = []
  for await (const r of readCsvRecords((async function* () { yield* chunks })())) out.push(r)
  return out
}

const TEXT = '\ufeffa,b,c\r\n1,"x, ""y""",\r\n2,"two\nlines",z\n\n3,,"end"'
const RECORDS = [
  { line: 1, fields: ['a', 'b', 'c'] },
  { line: 2, fields: ['1', 'x, "y"', ''] },
  { line: 3, fields: ['2', 'two\nlines', 'z'] },
  { line: 5, fields: [''] },
  { line: 6, fields: ['3', '', 'end'] },
]

describe('reading CSV records', () => {
  it('reads quotes, doubled quotes, line breaks in fields, CRLF and a byte order mark', async () => {
    expect(await read([TEXT])).toEqual(RECORDS)
  })

  it('gives the same records however the text is cut', async () => {
    for (let i = 1; i < TEXT.length; i++) {
      for (const j of [i + 1, i + 7]) expect(await read([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)])).toEqual(RECORDS)
    }
  })

  it('reports a quote that is never closed, and a quote inside a bare field, with their lines', async () => {
    await expect(read(['a\n"open,1\n2\n'])).rejects.toMatchObject({ line: 2, message: 'has a quoted field that is never closed' })
    await expect(read(['a\nb\nx"y\n'])).rejects.toMatchObject({ line: 3, message: expect.stringContaining('quote inside an unquoted field') })
  })
})
