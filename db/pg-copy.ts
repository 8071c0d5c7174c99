// COPY on the server engine, through pg-copy-streams. A pool has no connection of its own, so a
// COPY on the pool borrows one for its duration; inside a transaction it runs on the transaction's.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams'
import type { Queryable } from './database.ts'

type Runner = pg.Pool | pg.PoolClient

export function pgCopy(runner: Runner): Pick<Queryable, 'copyFrom' | 'copyTo'> {
  return {
    async copyFrom(sql, chunks) {
      const client = runner instanceof pg.Pool ? await runner.connect() : runner
      let failed: Error | undefined
      try {
        const stream = client.query(copyFromStdin(sql))
        await pipeline(Readable.from(chunks), stream)
        return stream.rowCount
      } catch (err) {
        failed = err as Error
        throw err
      } finally {
        if (client !== runner) (client as pg.PoolClient).release(failed) // a broken COPY leaves the connection unusable
      }
    },
    async *copyTo(sql) {
      const client = runner instanceof pg.Pool ? await runner.connect() : runner
      let finished = false
      try {
        const decoder = new TextDecoder() // a chunk may end inside a multi-byte character
        for await (const chunk of client.query(copyToStdout(sql))) yield decoder.decode(chunk as Uint8Array, { stream: true })
        const rest = decoder.decode()
        if (rest) yield rest
        finished = true
      } finally {
        // A reader that stopped early left the COPY half-read: that connection cannot be reused.
        if (client !== runner) (client as pg.PoolClient).release(finished ? undefined : new Error('COPY TO abandoned'))
      }
    },
  }
}
