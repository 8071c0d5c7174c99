// CSV (RFC 4180) read as a stream: quoted fields may hold commas, doubled quotes and line breaks;
// CRLF or LF line ends; a UTF-8 byte order mark is dropped. Each record carries the line it starts
// on, so a problem can be reported where a person will find it in a text editor.
export interface CsvRecord {
  line: number // 1-based line the record starts on
  fields: string[]
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message)
  }
}

const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13

/** Records of CSV text that arrives in chunks split anywhere. */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let buf = ''
  let line = 1
  let first = true
  const drain = function* (final: boolean): Generator<CsvRecord> {
    let pos = 0
    while (pos < buf.length) {
      const r = parseRecord(buf, pos, final, line)
      if (!r) break
      yield { line, fields: r.fields }
      line += r.lines
      pos = r.end
    }
    buf = buf.slice(pos)
  }
  for await (const chunk of chunks) {
    buf += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk
    first = false
    yield* drain(false)
  }
  yield* drain(true)
}

/** One record from `pos`, or null when the text ends before the record does (more is coming). */
function parseRecord(s: string, pos: number, final: boolean, line: number): { fields: string[]; end: number; lines: number } | null {
  const fields: string[] = []
  let lines = 0
  let i = pos
  for (;;) {
    if (s.charCodeAt(i) === QUOTE) {
      let value = ''
      let j = i + 1
      for (;;) {
        const q = s.indexOf('"', j)
        if (q < 0) {
          if (final) throw new CsvSyntaxError(line, 'has a quoted field that is never closed')
          return null
        }
        value += s.slice(j, q)
        if (q + 1 === s.length && !final) return null // the next chunk may start with a second quote
        if (s.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1
          break
        }
        value += '"'
        j = q + 2
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) lines++
      fields.push(value)
    } else {
      let k = i
      while (k < s.length) {
        const c = s.charCodeAt(k)
        if (c === COMMA || c === LF || c === CR) break
        if (c === QUOTE) throw new CsvSyntaxError(line, 'has a quote inside an unquoted field: quote the whole field and double the quote')
        k++
      }
      fields.push(s.slice(i, k))
      i = k
    }
    const c = s.charCodeAt(i)
    if (c === COMMA) {
      i++
      continue
    }
    if (i >= s.length) return final ? { fields, end: i, lines } : null
    if (c === LF) return { fields, end: i + 1, lines: lines + 1 }
    if (c === CR) {
      if (i + 1 === s.length && !final) return null // CR at the end of a chunk: LF may follow
      return { fields, end: s.charCodeAt(i + 1) === LF ? i + 2 : i + 1, lines: lines + 1 }
    }
    throw new CsvSyntaxError(line, 'has text after a closing quote: quote the whole field')
  }
}
