#!/usr/bin/env node
// npm run bench: per worked case, the CPU time of klp-verify's whole process tree (itself, every cbmc,
// solver and gcc it runs) against raw cbmc running the same harnesses at the final bounds klp-verify
// reached, and for popcount64 against a minimal hand-written harness (issue #13). Runs are interleaved
// (tool, raw, hand for each case, then the next repeat) and each ratio is given by min and median.
//   node scripts/bench.mjs [--repeat N] [case ...]
// Cases: every harnesses/<case> with a spec.yaml; bounds-check runs at --max-size 32 (the default
// buffer bound, its spec says 12), the others as their spec says. Also printed: klp-verify's own wall
// time (total minus the time cbmc processes ran), target < 10% on cases of 10 s or more, < 1 s else.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { bin, fmt, measured, median, requireBuild, root } from './bench-lib.mjs'

requireBuild()
const argv = process.argv.slice(2)
const ri = argv.indexOf('--repeat')
const repeat = ri >= 0 ? Math.max(1, Number(argv[ri + 1]) || 3) : 3
const only = argv.filter((a, i) => a !== '--repeat' && !(ri >= 0 && i === ri + 1))
const cases = readdirSync(path.join(root, 'harnesses'))
  .filter(c => existsSync(path.join(root, 'harnesses', c, 'spec.yaml')))
  .filter(c => only.length === 0 || only.includes(c))
  .sort()
/** Options a case runs with beyond its spec (the measure of bounds-check is at the default max-size). */
const EXTRA = { 'bounds-check': ['--max-size', '32'] }
const tools = path.join(root, '.klp-tools', 'bin')
const cbmc = existsSync(path.join(tools, 'cbmc')) ? path.join(tools, 'cbmc') : 'cbmc'
const cadical = existsSync(path.join(tools, 'cadical')) ? path.join(tools, 'cadical') : 'cadical'
/** Minimal hand harnesses: the proof a person would write for the same question. */
const HAND = {
  popcount64: {
    source: `typedef unsigned long long u64;
static int old_pc(u64 w) { int c = 0; while (w) { c += w & 1; w >>= 1; } return c; }
static int new_pc(u64 w) { int c = 0; while (w) { w &= w - 1; c++; } return c; }
u64 nondet_u64(void);
int main(void) { u64 w = nondet_u64(); __CPROVER_assert(old_pc(w) == new_pc(w), "old(w) == new(w)"); return 0; }
`,
    args: ['h.c', '--unwind', '65', '--unwinding-assertions', '--slice-formula', '--no-standard-checks', '--external-sat-solver', cadical],
  },
}

const work = mkdtempSync(path.join(tmpdir(), 'klp-bench-'))
const samples = new Map(cases.map(c => [c, { tool: [], raw: [], hand: [], own: [], wall: [], verdict: '', runs: 0, technique: '', bounded: [], boundedVerdict: '' }]))

for (let k = 0; k < repeat; k++) {
  for (const c of cases) {
    const dir = path.join(root, 'harnesses', c)
    const keep = path.join(work, `${c}-${k}`)
    const x = samples.get(c)
    const tool = measured(process.execPath, [bin, path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--spec', path.join(dir, 'spec.yaml'), ...(EXTRA[c] ?? []), '--format', 'json', '--keep-harness', keep])
    let report
    try {
      report = JSON.parse(tool.r.stdout)
    } catch {
      x.verdict = `error (exit ${tool.r.status})`
      continue
    }
    x.verdict = report.verdict
    x.runs = report.runs.length
    x.tool.push(tool.cpuMs)
    x.wall.push(tool.wallMs)
    x.own.push(tool.wallMs - report.timings.toolMs)
    // raw cbmc: the last run of each mode (at the largest buffer bound), one after the other
    const finals = new Map()
    for (const run of report.runs) if (!run.run.endsWith('(traces)')) finals.set(run.run, run)
    let raw = 0
    for (const run of finals.values()) {
      // the loop proof's rounds are not one cbmc command (the unbounded table below times them)
      const m = /^cd (\S+) && (.*)$/s.exec(run.command)
      if (!m) continue
      const [, where, cmd] = m
      raw += measured('sh', ['-c', cmd], { cwd: path.join(keep, where), stdio: 'ignore' }).cpuMs
    }
    x.raw.push(raw)
    rmSync(keep, { recursive: true, force: true })
    // a proof without a bound beside the bounded proof of the same case at the default bound (issue #12)
    if (report.unwinding.kind === 'unbounded') {
      x.technique = [...new Set(report.unwinding.techniques.map(u => u.technique))].join(', ')
      const off = measured(process.execPath, [bin, path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--spec', path.join(dir, 'spec.yaml'), ...(EXTRA[c] ?? []), '--unbounded', 'off', '--format', 'json'])
      try {
        const b = JSON.parse(off.r.stdout)
        x.boundedVerdict = b.verdict + (b.reason ? ` (${b.reason})` : '')
      } catch {
        x.boundedVerdict = `error (exit ${off.r.status})`
      }
      x.bounded.push(off.cpuMs)
    }
    const hand = HAND[c]
    if (hand) {
      const hdir = mkdtempSync(path.join(work, 'hand-'))
      writeFileSync(path.join(hdir, 'h.c'), hand.source)
      x.hand.push(measured(cbmc, hand.args, { cwd: hdir, stdio: 'ignore' }).cpuMs)
    }
    process.stderr.write(`bench: repeat ${k + 1}/${repeat} ${c}: ${x.verdict}, tool ${fmt(tool.cpuMs)} CPU, raw ${fmt(raw)} CPU\n`)
  }
}
rmSync(work, { recursive: true, force: true })

const mm = xs => (xs.length ? `${fmt(Math.min(...xs))} / ${fmt(median(xs))}` : '-')
const ratio = (a, b) => (a.length && b.length && Math.min(...b) > 0 ? `${(Math.min(...a) / Math.min(...b)).toFixed(2)}× / ${(median(a) / median(b)).toFixed(2)}×` : '-')
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)))
  const line = cells => cells.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd()
  console.log(line(header))
  console.log(widths.map(w => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}

console.log(`CPU seconds of whole process trees, min / median of ${repeat} interleaved run${repeat > 1 ? 's' : ''}\n`)
table(
  ['case', 'verdict', 'tool CPU', 'raw cbmc CPU (final bounds)', 'hand harness CPU', 'tool / raw', 'tool / hand', 'runs'],
  cases.map(c => {
    const x = samples.get(c)
    return [c + (EXTRA[c] ? ` (${EXTRA[c].join(' ')})` : ''), x.verdict, mm(x.tool), mm(x.raw), mm(x.hand), ratio(x.tool, x.raw), ratio(x.tool, x.hand), String(x.runs)]
  }),
)
console.log('')
table(
  ['case', 'wall (median)', 'own (median)', 'own %', 'target'],
  cases.map(c => {
    const x = samples.get(c)
    const wall = median(x.wall), own = median(x.own)
    const ok = wall >= 10_000 ? own / wall < 0.1 : own < 1000
    return [c, fmt(wall), fmt(own), `${((100 * own) / wall).toFixed(1)}%`, Number.isNaN(wall) ? '-' : ok ? 'met' : 'MISSED']
  }),
)
const unbounded = cases.filter(c => samples.get(c).bounded.length)
if (unbounded.length) {
  console.log('\nProofs without a bound beside the bounded proof of the same case (--unbounded off, default bounds), CPU seconds\n')
  table(
    ['case', 'technique', 'unbounded: verdict', 'CPU', 'bounded: verdict', 'CPU', 'unbounded / bounded'],
    unbounded.map(c => {
      const x = samples.get(c)
      return [c, x.technique, x.verdict, mm(x.tool), x.boundedVerdict, mm(x.bounded), ratio(x.tool, x.bounded)]
    }),
  )
}
console.log(`\n${execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()}; tool = klp-verify with every process it ran; raw = each mode's last cbmc command re-run by itself; hand = a minimal harness as a person would write it; own = wall time minus the time cbmc processes ran`)
