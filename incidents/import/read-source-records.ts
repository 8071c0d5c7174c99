// The records of an import file, whatever its format: CSV rows by their header, or GeoJSON
// features. Problems of the file's shape (an unknown or missing column, a row of the wrong width,
// broken quoting) go to `fail` with the line they are on; the records that can be read are yielded.
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { COLUMNS, type RecordProblem, type SourceRecord } from './check-incident-record.ts'
import { CsvSyntaxError, readCsvRecords } from './read-csv-records.ts'
import { GeojsonShapeError, readGeojsonRecords } from './read-geojson-records.ts'

export type SourceFormat = 'csv' | 'geojson'

const REQUIRED = ['category', 'lon', 'lat', 'reported_at'] // the rest have defaults
const READ_CHUNK_BYTES = 1 << 20 // 1 MiB reads

export function formatOf(file: string): SourceFormat {
  if (/\.csv$/i.test(file)) return 'csv'
  if (/\.(geo)?json$/i.test(file)) return 'geojson'
  throw new Error(`Cannot tell the format of ${file}: give a .csv, .geojson or .json file.`)
}

/** `onBytes(n)` after each n bytes read, for progress. */
export async function* readSourceRecords(file: string, fail: (p: RecordProblem) => void, onBytes: (n: number) => void): AsyncGenerator<SourceRecord> {
  if (formatOf(file) === 'geojson') {
    const bytes = await readFile(file)
    onBytes(bytes.length)
    try {
      yield* readGeojsonRecords(bytes.toString('utf8'))
    } catch (err) {
      if (!(err instanceof GeojsonShapeError)) throw err
      fail({ line: 1, field: '(file)', reason: err.message })
    }
    return
  }
  let header: string[] | undefined
  try {
    for await (const { line, fields } of readCsvRecords(decode(file, onBytes))) {
      if (!header) {
        header = fields.map((f) => f.trim().toLowerCase())
        for (const c of header) if (!(COLUMNS as readonly string[]).includes(c)) fail({ line, field: c, reason: `is not a column of an incident import: use ${COLUMNS.join(', ')}` })
        for (const c of REQUIRED) if (!header.includes(c)) fail({ line, field: c, reason: 'is a required column and missing from the header' })
        continue
      }
      if (fields.length === 1 && fields[0] === '') continue // a blank line
      if (fields.length !== header.length) {
        fail({ line, field: '(row)', reason: `has ${fields.length} fields, the header has ${header.length}` })
        continue
      }
      const values: Record<string, string> = {}
      for (let i = 0; i < header.length; i++) values[header[i]] = fields[i]
      yield { line, values }
    }
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err
    fail({ line: err.line, field: '(row)', reason: `${err.message}; the rest of the file was not read` })
  }
  if (!header) fail({ line: 1, field: '(file)', reason: 'is empty: the first line is the header' })
}

async function* decode(file: string, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true }) // a file in GBK must fail, not turn into mojibake
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
      onBytes((chunk as Buffer).length)
      yield decoder.decode(chunk as Buffer, { stream: true })
    }
    yield decoder.decode()
  } catch (err) {
    if (err instanceof TypeError) throw new Error(`${file} is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel).`)
    throw err
  }
}
