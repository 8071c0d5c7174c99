// COPY on the embedded engine. PGlite has no COPY sub-protocol; it reads COPY … FROM '/dev/blob'
// from a Blob passed with the query and writes COPY … TO '/dev/blob' into one, so the same
// `FROM STDIN` / `TO STDOUT` statements the server runs are rewritten to those, and the data is
// gathered into (or read out of) one Blob.
import type { PGlite, Transaction } from '@electric-sql/pglite'
import type { Queryable } from './database.ts'

const STDIN = /\bFROM\s+STDIN\b/i // the one place a COPY FROM statement names its source
const STDOUT = /\bTO\s+STDOUT\b/i

export function pgliteCopy(runner: Pick<PGlite | Transaction, 'query'>): Pick<Queryable, 'copyFrom' | 'copyTo'> {
  return {
    async copyFrom(sql, chunks) {
      if (!STDIN.test(sql)) throw new Error('copyFrom runs COPY … FROM STDIN statements only.')
      const parts: string[] = []
      for await (const chunk of chunks) parts.push(chunk)
      const r = await runner.query(sql.replace(STDIN, "FROM '/dev/blob'"), [], { blob: new Blob(parts) })
      return r.affectedRows ?? 0
    },
    async *copyTo(sql) {
      if (!STDOUT.test(sql)) throw new Error('copyTo runs COPY … TO STDOUT statements only.')
      const r = await runner.query(sql.replace(STDOUT, "TO '/dev/blob'"))
      if (r.blob) yield await r.blob.text()
    },
  }
}
