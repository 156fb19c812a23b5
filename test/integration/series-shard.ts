/**
 * Sharded series runs (issue 14) against the real cbmc: the example kernel series as 3 shards in 3
 * processes with separate caches, merged, equals one -j1 run; a missing shard makes the merged
 * verdict incomplete (exit 2) and names its proofs; two processes filling one cache folder at once
 * leave only sound entries.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { HARNESSES, ROOT, requireCbmc } from '../fixtures/integration.js'
import { readEntry } from '../../src/pipeline/cache/store.js'
import { renderSeriesJunit } from '../../src/report/series.js'
import type { SeriesReport } from '../../src/series/types.js'

const BIN = path.join(ROOT, 'dist', 'bin.js')
const DIR = path.join(HARNESSES, 'kernel-series')

t.before(async () => {
  await requireCbmc()
  if (!existsSync(BIN)) throw new Error('these tests run the built CLI in separate processes: run `npm run build` first')
})

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }

/** The real CLI in a process of its own. */
const cli = (args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Run> => new Promise(resolve => {
  execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 600_000 }, (err, stdout, stderr) => {
    resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
  })
})

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as SeriesReport
const verdicts = (r: SeriesReport) => r.proofs.map(p => [p.id, p.function, p.patch, p.affected, p.verdict])
/** JUnit without what differs between any two runs: times. */
const untimed = (xml: string) => xml.replace(/time="[\d.]+"/g, 'time=""').replace(/\b\d+(?:\.\d+)? ?(?:ms|s)\b/g, 'T')

t.test('3 shards in 3 processes with separate caches, merged, equal one -j1 run', async t => {
  const dir = t.testdir()
  const series = ['series', '--tree', path.join(DIR, 'tree'), '--patches', path.join(DIR, 'patches'), '-I', 'include', '--format', 'json']
  const out = (n: string) => path.join(dir, n)
  const [single, ...shards] = await Promise.all([
    cli([...series, '-j1', '--cache-dir', out('cache-0'), '-o', out('single.json')]),
    ...[1, 2, 3].map(i => cli([...series, '-j1', '--shard', `${i}/3`, '--cache-dir', out(`cache-${i}`), '-o', out(`shard-${i}.json`)])),
  ])
  t.equal(single!.code, 3, 'single run: a patch does not apply (exit 3)')
  if (single!.code !== 3) t.comment(single!.stderr)
  const one = read(out('single.json'))
  const parts = [1, 2, 3].map(i => read(out(`shard-${i}.json`)))
  shards.forEach((s, i) => t.equal(s.code, parts[i]!.exitCode, `shard ${i + 1} exits with its report's code`))

  // each shard ran only its own proofs; together every planned proof exactly once
  const owned = parts.flatMap(p => p.shard!.owned)
  t.equal(owned.length, one.proofs.length, 'every proof is owned by one shard')
  t.same(new Set(owned), new Set(one.proofs.map(p => p.id)), 'the plan is the single run\'s proofs')
  for (const [i, p] of parts.entries()) {
    t.match(p.shard, { index: i + 1, total: 3, source: '--shard' })
    t.same(p.proofs.map(x => x.id).sort(), [...p.shard!.owned].sort(), `shard ${i + 1} reports exactly what it owns`)
    t.ok(p.proofs.length > 0, `shard ${i + 1} has work`)
    t.equal(p.plan!.digest, parts[0]!.plan!.digest, 'one plan on every machine')
  }

  const merged = await cli(['merge', ...[1, 2, 3].map(i => out(`shard-${i}.json`)), '--format', 'json'])
  const m = JSON.parse(merged.stdout) as SeriesReport
  t.equal(merged.code, single!.code, 'the merged exit code is the single run\'s')
  t.equal(m.exitCode, one.exitCode)
  t.same(verdicts(m), verdicts(one), 'the same proofs, in the same order, with the same verdicts')
  t.same(m.counts, one.counts)
  // the unsharded run adds each patch's live patch (a shard sees only its own proofs, so shards leave it out)
  t.same(m.patches, one.patches.map(p => { const { livepatch, ...rest } = p; return rest }))
  t.ok(one.patches.some(p => p.livepatch), 'the single run has the live patch of the patches it proved')
  t.notOk(m.patches.some(p => p.livepatch))
  t.equal(m.missing, undefined)

  const junit = await cli(['merge', ...[1, 2, 3].map(i => out(`shard-${i}.json`)), '--format', 'junit'])
  t.equal(junit.code, 3)
  t.equal(untimed(junit.stdout), untimed(renderSeriesJunit(one)), 'the merged JUnit is the single run\'s (times aside)')

  // the other formats all render the merged run
  for (const f of ['text', 'markdown']) {
    const r = await cli(['merge', ...[1, 2, 3].map(i => out(`shard-${i}.json`)), '--format', f])
    t.equal(r.code, 3)
    t.match(r.stdout, /foo_set_mtu/)
  }
  const html = await cli(['merge', ...[1, 2, 3].map(i => out(`shard-${i}.json`)), '--format', 'html', '-o', out('m.html')])
  t.equal(html.code, 3)
  t.match(readFileSync(out('m.html'), 'utf8'), /foo_ring_init/)

  // the single run's times balance the next night's shards: every cost known, the split changes with them
  const list = await cli([...series, '--list', '--shard', '1/3', '--durations', out('single.json')])
  t.equal(list.code, 0, list.stderr)
  const plan = JSON.parse(list.stdout) as { proofs: { id: string; cost?: number; shard: number }[]; shards: { costMs: number; unknown: number }[] }
  t.equal(plan.proofs.length, one.proofs.length)
  t.ok(plan.proofs.every(p => typeof p.cost === 'number' && p.cost > 0), 'every proof has its cost from the previous report')
  t.same(plan.shards.map(s => s.unknown), [0, 0, 0])
  const costs = plan.proofs.map(p => p.cost!)
  const ideal = costs.reduce((a, b) => a + b, 0) / 3
  t.ok(Math.max(...plan.shards.map(s => s.costMs)) <= Math.max(ideal * 1.34, Math.max(...costs)) + 1, 'LPT: the largest shard within 4/3 of the ideal (or the longest proof)')
})

t.test('a missing shard: exit 2, the missing proofs named; two processes filling one cache leave no corrupt entry', async t => {
  // patches 0001 and 0002 of the example: as-claimed and equivalent, so nothing outranks exit 2
  const dir = t.testdir()
  const patches = path.join(dir, 'patches')
  mkdirSync(patches)
  const names = readFileSync(path.join(DIR, 'patches', 'series'), 'utf8').split('\n').filter(Boolean).slice(0, 2)
  for (const n of names) for (const f of [n, n.replace(/\.patch$/, '.yaml')]) copyFileSync(path.join(DIR, 'patches', f), path.join(patches, f))
  writeFileSync(path.join(patches, 'series'), `${names.join('\n')}\n`)
  const cache = path.join(dir, 'cache')
  const series = ['series', '--tree', path.join(DIR, 'tree'), '--patches', patches, '-I', 'include', '--format', 'json', '--cache-dir', cache]

  // one process runs shard 1 of 2, another the whole series, at once, into the same cache folder
  const [s1, whole] = await Promise.all([
    cli([...series, '--shard', '1/2', '-j2', '-o', path.join(dir, 's1.json')]),
    cli([...series, '-j2', '-o', path.join(dir, 'whole.json')]),
  ])
  t.equal(whole.code, 0, whole.stderr)
  t.equal(s1.code, 0, s1.stderr)
  const all = read(path.join(dir, 'whole.json'))
  t.ok(all.proofs.every(p => p.verdict === 'equivalent' || p.verdict === 'as-claimed'))

  // every entry in the shared folder is whole and sealed: no torn write, no temp file left
  const files = readdirSync(cache, { recursive: true }).map(String).filter(f => !readdirSync(cache).includes(f))
  t.same(files.filter(f => !f.endsWith('.json')), [], 'no temporary file left')
  t.ok(files.length >= all.proofs.length, `one entry per proof at least (${files.length})`)
  for (const f of files) {
    const key = f.replace(/[/\\]/, '').replace(/\.json$/, '')
    const e = readEntry(readFileSync(path.join(cache, f), 'utf8'), key)
    t.ok('report' in e, `${f}: ${'problem' in e ? e.problem : 'sound'}`)
  }
  // --list says what the cache holds (and what it cost then) without running anything
  const listed = await cli([...series, '--list', '--shard', '2/2'])
  t.equal(listed.code, 0, listed.stderr)
  const plan = JSON.parse(listed.stdout) as { proofs: { id: string; cached?: boolean; cachedMs?: number; shard: number }[]; shards: { cached: number }[] }
  t.ok(plan.proofs.every(p => p.cached === true && (p.cachedMs ?? 0) > 0), 'every planned proof: cached, with its recorded cbmc time')
  t.same(plan.shards.map(s => s.cached), [1, 2].map(i => plan.proofs.filter(p => p.shard === i).length))
  t.same(plan.proofs.map(p => p.id), all.proofs.map(p => p.id), 'the plan lists the run\'s proofs, in order')
  const fresh = await cli([...series, '--list', '--no-cache'])
  t.ok((JSON.parse(fresh.stdout) as { proofs: { cached?: boolean }[] }).proofs.every(p => p.cached === undefined), '--no-cache: the cache is not asked')
  const again = await cli([...series, '--shard', '2/2', '-o', path.join(dir, 's2.json')])
  t.equal(again.code, 0)
  const s2 = read(path.join(dir, 's2.json'))
  t.ok(s2.proofs.length > 0 && s2.proofs.every(p => p.cached), 'shard 2 entirely from the entries the other processes wrote')

  // shard 2 never reported: the merge says which proofs did not run, and exit 2
  const missing = await cli(['merge', path.join(dir, 's1.json'), '--format', 'json'])
  t.equal(missing.code, 2, 'incomplete: exit 2')
  const m = JSON.parse(missing.stdout) as SeriesReport
  t.same(m.missing?.shards, [2])
  t.same(m.missing?.proofs.map(p => [p.id, p.function, p.patch]).sort(), s2.proofs.map(p => [p.id, p.function, p.patch]).sort(), 'exactly shard 2\'s proofs')
  t.match(missing.stderr, /warning: shard 2 missing: \d+ proofs did not run/)
  for (const [f, re] of [['text', /MISSING: shard 2 — \d+ proofs? did not run[\s\S]*NOT RUN/], ['markdown', /INCOMPLETE \(exit 2\)[\s\S]*MISSING: shard 2/], ['junit', /<skipped message="not run: shard 2/]] as const) {
    const r = await cli(['merge', path.join(dir, 's1.json'), '--format', f])
    t.equal(r.code, 2, f)
    t.match(r.stdout, re, `${f} names the missing shard and its proofs`)
    for (const p of m.missing!.proofs) t.ok(r.stdout.includes(p.function), `${f}: ${p.function}`)
  }
  const complete = await cli(['merge', path.join(dir, 's1.json'), path.join(dir, 's2.json'), '--format', 'json'])
  t.equal(complete.code, 0)
  t.same(verdicts(JSON.parse(complete.stdout) as SeriesReport), verdicts(all), 'both shards: the whole run')

  // reports of another plan (here: another shard count; every proof is cached by now) are refused
  const other = await cli([...series, '--shard', '3/3', '-o', path.join(dir, 'other.json')])
  t.equal(other.code, 0)
  const refused = await cli(['merge', path.join(dir, 's1.json'), path.join(dir, 'other.json')])
  t.equal(refused.code, 3)
  t.match(refused.stderr, /^error: .*shards of different series plans[^\n]*\nhint: /)
})
