// SQL lives in .sql files beside the TypeScript that runs it; this reads one at module load.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** `sqlFile(import.meta.url, 'find-user.sql')` → the file's text. */
export function sqlFile(moduleUrl: string, name: string): string {
  return readFileSync(fileURLToPath(new URL(name, moduleUrl)), 'utf8')
}
