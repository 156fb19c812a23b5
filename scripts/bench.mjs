#!/usr/bin/env node
// npm run bench: per worked case, klp-verify's wall time split into its own time and the time of the
// cbmc processes it ran, plus the same final harnesses run by plain cbmc for comparison.
// Targets: own time < 10% of the total on cases of 10 s or more, and < 1 s on small ones.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bin, fmt, requireBuild, root } from './bench-lib.mjs'

requireBuild()
const only = process.argv.slice(2)
const cases = readdirSync(path.join(root, 'harnesses'))
  .filter(c => existsSync(path.join(root, 'harnesses', c, 'spec.yaml')))
  .filter(c => only.length === 0 || only.includes(c))
  .sort()
const work = mkdtempSync(path.join(tmpdir(), 'klp-bench-'))
const rows = []

for (const c of cases) {
  const dir = path.join(root, 'harnesses', c)
  const keep = path.join(work, c)
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [bin, path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--spec', path.join(dir, 'spec.yaml'), '--format', 'json', '--keep-harness', keep], { encoding: 'utf8', maxBuffer: 256 << 20 })
  const wall = performance.now() - t0
  let report
  try {
    report = JSON.parse(r.stdout)
  } catch {
    rows.push({ c, verdict: `error (exit ${r.status})`, wall, own: NaN, tools: NaN, plain: NaN })
    continue
  }
  // plain cbmc: the final bound of each run mode, one after the other
  const finals = new Map()
  for (const run of report.runs) if (!run.run.endsWith('(traces)')) finals.set(run.run, run)
  let plain = 0
  for (const run of finals.values()) {
    const cmd = run.command.replace(/^cd \S+ && /, '')
    const t1 = performance.now()
    spawnSync('sh', ['-c', cmd], { cwd: path.join(keep, run.run), stdio: 'ignore' })
    plain += performance.now() - t1
  }
  // own time = wall time of the whole command minus the time cbmc processes were running
  const tools = report.timings.toolMs
  rows.push({ c, verdict: report.verdict, wall, tools, own: wall - tools, plain, runs: report.runs.length })
}
rmSync(work, { recursive: true, force: true })

const header = ['case', 'verdict', 'total', 'cbmc', 'own', 'own %', 'target', 'plain cbmc (final bounds)', 'runs']
const table = rows.map(r => {
  const pct = (100 * r.own) / r.wall
  const ok = r.wall >= 10_000 ? pct < 10 : r.own < 1000
  return [r.c, r.verdict, fmt(r.wall), fmt(r.tools), fmt(r.own), `${pct.toFixed(1)}%`, ok ? 'met' : 'MISSED', fmt(r.plain), String(r.runs ?? '')]
})
const widths = header.map((h, i) => Math.max(h.length, ...table.map(r => r[i].length)))
const line = cells => cells.map((x, i) => x.padEnd(widths[i])).join('  ')
console.log(line(header))
console.log(widths.map(w => '-'.repeat(w)).join('  '))
for (const r of table) console.log(line(r))
console.log(`\ncbmc: ${execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim() && report0()}`)
function report0() {
  return 'own time = wall time of `klp-verify` (incl. Node start-up) minus the time cbmc processes ran; plain cbmc re-runs each mode at its final bound sequentially'
}
