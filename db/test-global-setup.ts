// Vitest global setup: makes the migrated embedded template once per migration set.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { embeddedTemplateDir, TEST_ENGINES } from './test-database.ts'
import { openEmbeddedDatabase } from './open-embedded-database.ts'

export default async function setup(): Promise<void> {
  if (!TEST_ENGINES.includes('embedded')) return
  const dir = embeddedTemplateDir()
  if (existsSync(dir)) return
  const tmp = `${dir}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const db = await openEmbeddedDatabase(tmp)
  await db.close()
  try {
    renameSync(tmp, dir)
  } catch (err) {
    // Another test run made the same template meanwhile: use theirs.
    if (!existsSync(dir)) throw err
    rmSync(tmp, { recursive: true, force: true })
  }
}
