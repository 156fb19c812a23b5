#!/usr/bin/env node
// npm run bench (series part): how well `series --shard I/N` balances a night's proofs. A synthetic
// plan of 240 proofs with known durations (seconds to ten minutes, heavy-tailed like real kernel
// proofs) is split by the planner's own code (proof ids, longest-processing-time first) and the
// makespan — the longest shard — compared with the ideal (total / N) and with a round-robin split.
// Pure computation: no cbmc. Target: LPT --shard I/4 within 1.15x of the ideal.
import { makespan, proofIds, splitShards } from '../dist/series/shard.js'
import { requireBuild } from './bench-lib.mjs'

requireBuild()
const PROOFS = Number(process.env.KLP_BENCH_PROOFS ?? 240)
// a fixed pseudo-random sequence (mulberry32): the same plan on every run
let seed = 0x6b6c70
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296
}
// most proofs take seconds, some a minute or two, a few ten minutes (the unwinding-heavy ones)
const duration = () => {
  const r = rand()
  return Math.round(r < 0.7 ? 2000 + rand() * 28_000 : r < 0.95 ? 30_000 + rand() * 120_000 : 300_000 + rand() * 300_000)
}
const heads = Array.from({ length: PROOFS }, (_, i) => ({ function: `drv${i % 37}_fn${i}`, new: `patch${i % 23}.patch:drivers/drv${i % 37}.c`, patch: i % 23 === 0 && i > 200 ? null : `patch${i % 23}.patch` }))
const ids = proofIds(heads)
const items = ids.map(id => ({ id, cost: duration() }))
const total = items.reduce((s, x) => s + x.cost, 0)
const min = ms => `${(ms / 60000).toFixed(1)} min`

console.log(`bench: shard balance for ${PROOFS} proofs, ${min(total)} of proof time in all (longest ${min(Math.max(...items.map(x => x.cost)))})`)
console.log('  shards   ideal        LPT (--shard)        round-robin          no durations (round-robin by id)')
let worst = 0
for (const n of [2, 4, 8, 16]) {
  const ideal = Math.max(total / n, Math.max(...items.map(x => x.cost)))
  const lpt = makespan(items, splitShards(items, n), n)
  const rr = makespan(items, items.map((_, i) => i % n), n)
  const blind = makespan(items, splitShards(items.map(x => ({ id: x.id })), n), n)
  if (n === 4) worst = lpt / (total / n)
  console.log(`  ${String(n).padStart(6)}   ${min(ideal).padStart(9)}   ${min(lpt).padStart(9)} (${(lpt / ideal).toFixed(3)}x)   ${min(rr).padStart(9)} (${(rr / ideal).toFixed(3)}x)   ${min(blind).padStart(9)} (${(blind / ideal).toFixed(3)}x)`)
}
console.log(`\n  --shard I/4 makespan vs ideal (total/4): ${worst.toFixed(3)}x (target <= 1.15x)`)
if (worst > 1.15) process.exitCode = 1
