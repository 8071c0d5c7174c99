// `npm run bench [-- seed|intake]`: every benchmark (or the one named), each printing its figures as
// ratios to a baseline of the same run.
import { seedBench } from './seed-bench.ts'
import { intakeBench } from './intake-bench.ts'

const only = process.argv[2]
if (!only || only === 'seed') await seedBench()
if (!only || only === 'intake') await intakeBench()
