// The CLI end to end, as a child process on a copy of the migrated embedded template.
import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { embeddedTemplateDir, TEST_ENGINES } from '../../db/test-database.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLI_TIMEOUT_MS = 50_000 // the embedded engine takes several seconds to start
const dataDir = mkdtempSync(path.join(tmpdir(), 'wangge-import-cli-'))

function cli(...args: string[]) {
  const { DATABASE_URL: _, ...env } = process.env // no server: the embedded engine in dataDir
  return spawnSync(process.execPath, ['--import', 'tsx', 'geodata/import-cli.ts', ...args],
    { cwd: ROOT, env: { ...env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: CLI_TIMEOUT_MS })
}

describe('npm run import', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('exits 2 with the usage on a bad argument, before opening any database', () => {
    const run = cli('geodata/import/fixtures/grids.geojson', '--layer', 'grid')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Unknown --layer grid')
    expect(run.stderr).toContain('Usage: npm run import --')
  })

  it.skipIf(!TEST_ENGINES.includes('embedded'))('exits 1 on a bad file and prints each problem on a line', () => {
    cpSync(embeddedTemplateDir(), path.join(dataDir, 'pglite'), { recursive: true })
    const run = cli('geodata/import/fixtures/bowtie.geojson', '--layer', 'grids', '--crs', 'WGS84')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('nothing written')
    expect(run.stdout).toContain(
      'invalid-geometry · feature #1 · 320612001009002 · self-intersection (bowtie) · at 120.895000,32.015000')
  }, 60_000)
})
