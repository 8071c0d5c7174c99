// Name-based UUIDs (RFC 9562 version 5: SHA-1 of namespace + name). Intake is idempotent on the
// incident id; a system that has its own stable key for a report (a 110 alert id, a hotline work
// order) gets the same incident id from it every time, so its retries replay instead of duplicating.
import { createHash } from 'node:crypto'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const namespaces = new Map<string, Buffer>() // namespace → its 16 bytes (a bulk import names a million rows in one)

export function uuidV5(namespace: string, name: string): string {
  let ns = namespaces.get(namespace)
  if (!ns) {
    if (!UUID.test(namespace)) throw new Error(`The namespace "${namespace}" is not a UUID.`)
    namespaces.set(namespace, (ns = Buffer.from(namespace.replaceAll('-', ''), 'hex')))
  }
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50 // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC variant
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
