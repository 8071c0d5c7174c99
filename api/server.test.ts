// The entry point as a user runs it: a real process, a real port, then a clean stop.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN_URL, adminQuery, TEST_ENGINES } from '../db/test-database.ts'

function start(env: Record<string, string>): Promise<{ port: number; output: () => string; stop: () => Promise<number | null> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: { ...process.env, PORT: String(port), SEED: 'none', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code))
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000)
    child.stdout.on('data', () => {
      if (out.includes('wangge is running')) {
        clearTimeout(timer)
        resolve({ port, output: () => out, stop })
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)))
  })
}

describe.each(TEST_ENGINES)('npm start on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('answers health on the chosen engine, prints its URL and stops cleanly', async () => {
    const env: Record<string, string> = {}
    if (kind === 'embedded') {
      const dir = mkdtempSync(path.join(tmpdir(), 'wangge-start-'))
      env.DATA_DIR = dir
      env.DATABASE_URL = ''
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    } else {
      const name = `wangge_start_${process.pid}`
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await adminQuery(`CREATE DATABASE ${name}`)
      const url = new URL(ADMIN_URL)
      url.pathname = `/${name}`
      env.DATABASE_URL = url.toString()
      cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    }
    const server = await start(env)
    const res = await fetch(`http://127.0.0.1:${server.port}/api/health`)
    expect(await res.json()).toEqual({ status: 'ok', db: { kind, postgis: expect.any(String) } })
    expect(server.output()).toContain(`http://localhost:${server.port}/`)
    expect(await server.stop()).toBe(0)
  }, 180_000)
})

it.runIf(TEST_ENGINES.includes('postgres'))('exits with a sentence naming the problem when the database cannot be opened', async () => {
  const url = new URL(ADMIN_URL)
  url.pathname = '/wangge_no_such_database'
  await expect(start({ DATABASE_URL: url.toString() })).rejects.toThrow(/exited with 1:\n.*Cannot open the database: .*does not exist/)
})

it.each([
  [{ DATABASE_POOL_MAX: 'many' }, /DATABASE_POOL_MAX must be a whole number of connections from 1 to 1000, not "many"/],
  [{ STATEMENT_TIMEOUT_MS: '-5' }, /STATEMENT_TIMEOUT_MS must be a whole number of milliseconds/],
])('exits with a sentence naming a bad setting %j', async (env, message) => {
  await expect(start(env)).rejects.toThrow(message)
})
