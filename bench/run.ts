// `npm run bench`: every benchmark, each printing its figures as ratios to a baseline of the same run.
import { seedBench } from './seed-bench.ts'

await seedBench()
