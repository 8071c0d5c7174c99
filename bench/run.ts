// `npm run bench [-- seed|intake|kpi|tiles]`: every benchmark (or the one named), each printing its figures as
// ratios to a baseline of the same run.
import { seedBench } from './seed-bench.ts'
import { intakeBench } from './intake-bench.ts'
import { kpiBench } from './kpi-bench.ts'
import { tileBench } from './tile-bench.ts'
import { deskBench } from './desk-bench.ts'

const only = process.argv[2]
if (!only || only === 'seed') await seedBench()
if (!only || only === 'intake') await intakeBench()
if (!only || only === 'kpi') await kpiBench()
if (!only || only === 'tiles') await tileBench()
if (!only || only === 'desk') await deskBench()
