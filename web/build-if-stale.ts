// Before `npm start`: builds the web app when web/dist is missing or older than its sources, so a
// restart does not pay for a build it does not need.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const WEB = path.dirname(fileURLToPath(import.meta.url))
const BUILT = path.join(WEB, 'dist', 'index.html')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}

if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < newestSource(WEB)) {
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' })
}
