// Command-line options of `npm run seed`: --scale 0.1, --seed 42, --reset.
import { DEFAULT_SEED } from './seed-demo.ts'

export interface SeedArgs {
  scale: number
  seed: number
  reset: boolean
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { scale: 1, seed: DEFAULT_SEED, reset: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value.`)
      return Number(v)
    }
    if (a === '--reset') args.reset = true
    else if (a === '--scale') args.scale = value()
    else if (a === '--seed') args.seed = value()
    else throw new Error(`Unknown option ${a}: use --scale <0.01…1>, --seed <integer>, --reset.`)
  }
  if (!(args.scale >= 0.01 && args.scale <= 1)) throw new Error('--scale must be between 0.01 and 1.')
  if (!Number.isSafeInteger(args.seed)) throw new Error('--seed must be an integer.')
  return args
}
