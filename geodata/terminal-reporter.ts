// Progress of a seed or an import on a terminal: a bar per stage on a TTY, one line per stage
// elsewhere (CI logs), there prefixed with `label`.
import cliProgress from 'cli-progress'
import type { SeedReporter } from './seed-demo.ts'

export function terminalReporter(stream: NodeJS.WriteStream = process.stderr, label = 'seed'): SeedReporter {
  return {
    stage(name, total) {
      const started = performance.now()
      const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
      if (!stream.isTTY) {
        return { tick() {}, done: () => void stream.write(`${label}: ${name} (${total.toLocaleString('en')}) ${seconds()} s\n`) }
      }
      const bar = new cliProgress.SingleBar(
        { format: `${name.padEnd(11)} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
      bar.start(total, 0)
      return {
        tick: (n = 1) => bar.increment(n),
        done() {
          bar.update(total)
          bar.stop()
        },
      }
    },
  }
}
