// The real desk for browser tests and the bench: the web app built once by Vite into a temp folder,
// a seeded database on the PostgreSQL server, the API on a random port, and Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { build } from 'vite'
import { serve } from '@hono/node-server'
import { chromium, type Browser } from 'playwright-core'
import { createApp } from '../../api/app.ts'
import { createTokenService, loadSigningSecret } from '../../accounts/token-service.ts'
import type { Database } from '../../db/database.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
]
const WEB = path.resolve(import.meta.dirname, '..')

/** Builds the web app into a fresh temp folder; the caller removes it. */
export async function buildWebApp(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'wangge-web-'))
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } })
  return outDir
}

export interface DeskServer {
  url: string
  close(): Promise<void>
}

/** The API and the built app on a random port over `db`. */
export async function serveDesk(db: Database, webRoot: string): Promise<DeskServer> {
  const tokens = createTokenService(await loadSigningSecret(db))
  const app = createApp({ db, tokens, log: pino({ level: 'silent' }), webRoot: path.relative(process.cwd(), webRoot) })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        ;(server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.() // open SSE streams
        server.close(() => resolve())
      }),
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

export function removeDir(dir: string | undefined) {
  if (dir) rmSync(dir, { recursive: true, force: true })
}
