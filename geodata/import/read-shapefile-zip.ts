// Reads a zipped Shapefile: one .shp with its .dbf, and the .prj and .cpg when present. Chinese
// shapefiles are mostly GBK/GB18030 (ArcGIS on a Chinese Windows), newer ones UTF-8; the .cpg
// says which, and without one the .dbf's language driver byte or a strict UTF-8 trial decides.
import { unzipSync } from 'fflate'
import { read } from 'shapefile'
import type { Feature } from 'geojson'
import type { SourceFeatures } from './read-features.ts'

const LDID_OFFSET = 29                  // .dbf header byte: the dBase language driver id
const LDID_GBK = new Set([0x4d, 0x7a])  // "Chinese GBK (PRC)" and "PRC GBK" code pages (936)
const DBF_HEADER_SIZE_OFFSET = 8        // .dbf header: uint16, where the records start
const LEGACY_CHINESE = 'gb18030'        // superset of GBK and GB2312: decodes all of them
const CODE_PAGES: Record<string, string> = {   // .cpg spellings seen in the wild → WHATWG label
  '936': 'gbk', 'cp936': 'gbk', 'ansi 936': 'gbk', 'gbk': 'gbk', 'gb2312': 'gbk',
  '54936': 'gb18030', 'gb18030': 'gb18030',
  '65001': 'utf-8', 'utf-8': 'utf-8', 'utf8': 'utf-8',
  '950': 'big5', 'big5': 'big5',
}

export async function readShapefileZip(bytes: Uint8Array, name: string): Promise<SourceFeatures> {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch (err) {
    throw new Error(`${name} is not a readable zip file: ${(err as Error).message}`)
  }
  const paths = Object.keys(files).filter((p) => !p.startsWith('__MACOSX/')) // Finder's resource forks
  const shps = paths.filter((p) => /\.shp$/i.test(p))
  if (shps.length === 0) throw new Error(`${name} holds no .shp file: zip the .shp with its .dbf, .prj and .cpg.`)
  if (shps.length > 1) throw new Error(`${name} holds ${shps.length} .shp files (${shps.join(', ')}): zip one layer per file.`)
  const stem = shps[0].slice(0, -4).toLowerCase()
  const sibling = (ext: string) => {
    const p = paths.find((q) => q.toLowerCase() === stem + ext)
    return p === undefined ? undefined : files[p]
  }
  const dbf = sibling('.dbf')
  if (!dbf) throw new Error(`${name} has ${shps[0]} but no .dbf beside it: the attributes (codes, names) are needed.`)
  const prjBytes = sibling('.prj')
  const cpgBytes = sibling('.cpg')
  const prj = prjBytes ? new TextDecoder().decode(prjBytes).trim() || undefined : undefined
  const encoding = cpgBytes ? encodingFromCpg(new TextDecoder().decode(cpgBytes), name) : guessDbfEncoding(dbf)
  let features: Feature[]
  try {
    features = (await read(files[shps[0]], dbf, { encoding })).features
  } catch (err) {
    throw new Error(`${name}: ${shps[0]} cannot be read as a Shapefile: ${(err as Error).message}`)
  }
  return { features, prj }
}

function encodingFromCpg(text: string, name: string): string {
  const key = text.trim().toLowerCase()
  const label = CODE_PAGES[key] ?? key
  try {
    new TextDecoder(label) // throws RangeError on a label no decoder knows
  } catch {
    throw new Error(`${name}: the .cpg names encoding "${text.trim()}", which is not supported; use UTF-8, GBK or GB18030.`)
  }
  return label
}

// Without a .cpg: trust a GBK language driver byte; else take UTF-8 if the records decode as
// strict UTF-8 (GBK Chinese text practically never does), and GB18030 if they do not.
function guessDbfEncoding(dbf: Uint8Array): string {
  if (LDID_GBK.has(dbf[LDID_OFFSET])) return 'gbk'
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength)
  const records = dbf.subarray(view.getUint16(DBF_HEADER_SIZE_OFFSET, true))
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(records)
    return 'utf-8'
  } catch {
    return LEGACY_CHINESE
  }
}
