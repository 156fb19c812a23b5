#!/usr/bin/env node
// npm run bench (kernel series part, issue #10): does `klp-verify series` over real kernel fixes plan a
// proof for every changed function?
// Data and sample: those of scripts/bench-kernel.mjs (Debian linux-source-6.12 6.12.117 → 6.12.118, the
// single-hunk .c files at indices ⌊i·N/40⌋ of the sorted list; kernel-fetch.mjs caches and prepares them).
// The series: one patch per sampled file (its `diff -u`, 0001-… in sample order) in patch mode over the
// cached 6.12.117 tree (read in place, never written) with KBUILD_OUTPUT = its prepared build folder,
// planned only: `klp-verify series --tree OLD --patches DIR --plan-only --format json`.
// Expected: the bench's own reading of each hunk (bench-kernel.mjs hunkTargets: the functions both
// versions define whose lines change, from the unpreprocessed source). Each such function is
//   planned       — the patch's plan has a proof for it;
//   NOT PLANNED   — the file could not be planned (the patch's error), or change detection missed it: counted;
//   apart         — gcc -E does not define it in both versions (compiled out by this config), or the
//                   compiler sees no change in it (the changed lines are #if'd out): not counted.
// Also reported: functions the plan found changed that the hunk does not name, files of the series that
// could not be planned, the command's exit code (must be 0: 3 means some file was not planned), the time.
// Output: a table, the rate, <kernel cache>/bench/results/series-<time>.json and series-latest.json.
// Exit 0 whatever the rate; 3 when the bench itself cannot run.
//   node scripts/bench-kernel-series.mjs [--sample 40] [--jobs 2] [--only path/x.c,…]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { bin, fmt, requireBuild } from './bench-lib.mjs'
import { fetchKernel, functionSpans, hunkTargets, sampleFiles } from './bench-kernel.mjs'

class BenchError extends Error {}

/** The patch directory: one `diff -u` per sampled file, as a stable fix would come. */
function writePatches(kernel, rows, dir) {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  rows.forEach((r, i) => {
    const d = spawnSync('diff', ['-u', '--label', `a/${r.file}`, '--label', `b/${r.file}`, path.join(kernel.old.src, r.file), path.join(kernel.new.src, r.file)], { encoding: 'latin1', maxBuffer: 64 << 20 })
    if (d.status !== 1) throw new BenchError(`diff -u of ${r.file} failed (exit ${d.status})`)
    r.patch = `${String(i + 1).padStart(4, '0')}-${r.file.replace(/[^\w.-]+/g, '-')}.patch`
    fs.writeFileSync(path.join(dir, r.patch), `${r.file}: the 6.12.118 change\n\n${d.stdout}`, 'latin1')
  })
}

/** Each expected function's outcome in the plan (see the header). */
export function judge(rows, plan) {
  const out = []
  for (const r of rows) {
    const rec = plan.files.find(f => f.patch === r.patch)
    const patch = plan.patches.find(p => p.id === r.patch)
    const found = new Set(rec?.changed ?? [])
    r.extra = [...found].filter(fn => !r.targets.includes(fn))
    r.planned = rec?.planned ?? []
    r.error = rec?.error ?? (patch && patch.status !== 'applied' ? patch.error : undefined)
    for (const fn of r.targets) {
      let result, why = ''
      if (r.planned.includes(fn)) result = 'planned'
      else if (r.error !== undefined || !rec) { result = 'NOT PLANNED'; why = r.error ?? 'no record of the file in the plan' }
      else if (!(rec.common ?? []).includes(fn)) { result = 'apart'; why = 'not defined in both preprocessed versions (compiled out by this config)' }
      else if (!found.has(fn)) { result = 'apart'; why = 'the compiler sees no change in it (changed lines #if\'d out)' }
      else { result = 'NOT PLANNED'; why = 'found changed, but no proof planned' }
      out.push({ file: r.file, func: fn, result, why })
    }
  }
  return out
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(t => t[i].length)))
  const line = (cells) => cells.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd()
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

async function main() {
  const { values } = parseArgs({ options: { sample: { type: 'string' }, jobs: { type: 'string' }, only: { type: 'string' } } })
  requireBuild()
  const size = Number(values.sample ?? 40), jobs = Number(values.jobs ?? 2)
  if (!(size >= 1 && jobs >= 1)) throw new BenchError('--sample and --jobs take positive numbers')
  const kernel = fetchKernel()
  const benchDir = path.join(kernel.cache, 'bench')
  const s = sampleFiles(kernel, size, values.only?.split(','))
  if (s.picked.length === 0) throw new BenchError('no single-hunk .c file to sample (is the kernel cache complete?)')
  const rows = s.picked.map(({ file, hunk }) => {
    const read = (t) => fs.readFileSync(path.join(t.src, file), 'latin1')
    return { file, ...hunkTargets(hunk, functionSpans(read(kernel.old)), functionSpans(read(kernel.new))) }
  })
  const patches = path.join(benchDir, 'series-patches')
  writePatches(kernel, rows, patches)
  const t0 = performance.now()
  const r = spawnSync(process.execPath, [bin, 'series', '--tree', kernel.old.src, '--patches', patches, '--plan-only', '--format', 'json', '--no-cache', '-j', String(jobs)],
    { encoding: 'utf8', env: { ...process.env, KBUILD_OUTPUT: kernel.old.build }, maxBuffer: 256 << 20 })
  const wallMs = performance.now() - t0
  let plan
  try { plan = JSON.parse(r.stdout) } catch { throw new BenchError(`klp-verify series --plan-only printed no plan (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-2).join(' / ')}`) }
  const results = judge(rows, plan)
  const counted = results.filter(x => x.result !== 'apart')
  const planned = counted.filter(x => x.result === 'planned').length
  const rate = counted.length ? planned / counted.length : 0
  const failedFiles = plan.files.filter(f => f.error !== undefined)
  const extra = rows.filter(x => x.extra.length)
  const cell = (x, n) => (x.length > n ? `${x.slice(0, n - 1)}…` : x)
  console.log(`\nkernel series plan bench: ${kernel.old.version} → ${kernel.new.version}; ${rows.length} sampled single-hunk fixes as ${rows.length} patches (patch mode over the cached tree, KBUILD_OUTPUT = its build folder, --plan-only)`)
  console.log(table(['file', 'function', 'result', 'why'], results.map(x => [x.file, x.func, x.result, cell(x.why, 110)])))
  const none = rows.filter(x => !x.targets.length)
  if (none.length) console.log(`\nno function to expect (change outside any function, or an added/removed/macro-made function): ${none.map(x => `${x.file}${x.error !== undefined ? ' (NOT PLANNED)' : ''}`).join(', ')}`)
  if (extra.length) console.log(`\nfound changed beyond the hunk's functions: ${extra.map(x => `${x.file}: ${x.extra.join(', ')}`).join('; ')}`)
  if (failedFiles.length) console.log(`\nfiles not planned:\n${failedFiles.map(f => `  ${f.patch === null ? 'base → tip' : f.patch} ${f.file}: ${cell(f.error, 160)}`).join('\n')}`)
  const c = plan.counts
  console.log(`\nseries plan: ${counted.length} changed functions expected, ${planned} planned, ${counted.length - planned} not planned, ${results.length - counted.length} apart → ${(100 * rate).toFixed(1)} %; plan: ${c.files} file records (patches + base → tip), ${c.changed} changed functions found, ${c.proofs} proofs planned, ${c.notPlanned} files not planned; klp-verify exit ${r.status}; ${fmt(wallMs)}`)
  if (rate < 1 || r.status !== 0) console.error(`bench-kernel-series: NOT EVERY CHANGED FUNCTION PLANNED (rate ${(100 * rate).toFixed(1)} %, exit ${r.status})`)
  const when = new Date().toISOString()
  const json = { when, old: kernel.old.version, new: kernel.new.version, sampled: rows.length, expected: counted.length, planned, apart: results.length - counted.length, rate, exitCode: r.status, wallMs, counts: c, results, extra: extra.map(x => ({ file: x.file, functions: x.extra })), failedFiles }
  const dir = path.join(benchDir, 'results')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `series-${when.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`)
  if (!values.only) fs.copyFileSync(file, path.join(dir, 'series-latest.json'))
  console.log(`results: ${file}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    if (!(err instanceof BenchError)) throw err
    console.error(`bench-kernel-series: error: ${err.message}`)
    process.exit(3)
  })
}
