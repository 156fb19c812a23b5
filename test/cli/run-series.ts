/**
 * The series command's work (cli/run-series.ts), run in-process without gcc or cbmc: manifests
 * that name their functions need no change detection, `--list --no-cache` plans without building
 * a harness, and `--cbmc` naming a missing file makes every proof an error before anything runs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { UsageError } from '../../src/errors.js'
import type { CliContext } from '../../src/cli/context.js'
import type { SeriesArgs } from '../../src/cli/commands/series.js'
import { INTERRUPTED_EXIT, emit, readBaseline, runSeriesCommand, shardOf } from '../../src/cli/run-series.js'

function fake(env: Record<string, string | undefined> = {}) {
  const out: string[] = []
  const err: string[] = []
  const ctx: CliContext = { env, stdout: s => out.push(s), stderr: s => err.push(s), isTTY: false }
  return { ctx, out, err }
}

const args = (over: Partial<SeriesArgs>): SeriesArgs => ({ format: 'text', cache: false, ...over })

const FN = (name: string, body: string) => `int ${name}(int x)\n{\n\t${body}\n}\n`
/** Two entries whose functions are named: planned without preprocessing. */
const MANIFEST = {
  'a-old.c': FN('fa', 'return x;') + FN('fb', 'return x;'),
  'a-new.c': FN('fa', 'return x + 1;') + FN('fb', 'return -x;'),
  'b-old.c': FN('fc', 'return x;'),
  'b-new.c': FN('fc', 'return 2 * x;'),
  'm.yaml': 'defaults:\n  max-size: 8\nentries:\n  - { old: a-old.c, new: a-new.c, functions: [fa, fb] }\n  - { old: b-old.c, new: b-new.c, functions: [fc] }\n',
}

t.test('INTERRUPTED_EXIT is 128 + SIGINT', async t => {
  t.equal(INTERRUPTED_EXIT, 130)
})

t.test('shardOf: --shard, else the CI engine\'s variables; --shard with --shards is refused', async t => {
  t.match(shardOf({ shard: '2/3' }, {}), { index: 2, total: 3, source: '--shard' })
  t.match(shardOf({}, { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2' }), { index: 1, total: 2, source: /CI_NODE_INDEX/ })
  t.match(shardOf({ shard: '1/2' }, { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' }), { index: 1, source: '--shard' }, '--shard wins over the environment')
  t.equal(shardOf({}, {}), undefined)
  t.throws(() => shardOf({ shard: '1/2', shards: 2 }, {}), { name: 'UsageError', message: '--shard and --shards do not go together', hint: /JOB_COMPLETION_INDEX/ })
})

t.test('emit: stdout, or a file written whole then renamed, or a device as it is; a bad path is a usage error', async t => {
  const dir = t.testdir({})
  let f = fake()
  await emit('report\n', undefined, f.ctx, 1, 'series')
  t.same(f.out, ['report\n'])
  t.same(f.err, [])

  f = fake()
  const file = path.join(dir, 'r.txt')
  await emit('report\n', file, f.ctx, 2, 'series')
  t.equal(readFileSync(file, 'utf8'), 'report\n')
  t.same(readdirSync(dir), ['r.txt'], 'no temporary file left')
  t.same(f.err, [`klp-verify: series exit 2 — report written to ${file}`])

  f = fake()
  await emit('x', '/dev/null', f.ctx, 0, 'plan')
  t.same(readdirSync('/dev').filter(n => n.startsWith('null.')), [], 'a device is written in place (no temporary file beside it)')
  t.same(f.err, ['klp-verify: plan exit 0 — report written to /dev/null'])

  const bad = path.join(dir, 'missing', 'r.txt')
  await t.rejects(emit('x', bad, fake().ctx, 0, 'series'), { name: 'UsageError', message: `cannot write ${bad}: ENOENT`, hint: 'check the --output path' })
  t.notOk(existsSync(path.join(dir, 'missing')))
})

t.test('readBaseline: the proofs of a JSON report; anything else is a usage error', async t => {
  const dir = t.testdir({ 'ok.json': JSON.stringify({ proofs: [{ function: 'f', old: 'a', new: 'b', verdict: 'equivalent' }] }), 'bad.json': '{', 'other.json': '{"x": 1}' })
  t.same(await readBaseline(path.join(dir, 'ok.json')), [{ function: 'f', old: 'a', new: 'b', verdict: 'equivalent' }])
  await t.rejects(readBaseline(path.join(dir, 'bad.json')), { name: 'UsageError', message: /^cannot read the baseline .*bad\.json: /, hint: /klp-verify series --format json/ })
  await t.rejects(readBaseline(path.join(dir, 'other.json')), { message: /other\.json is not a klp-verify series JSON report$/ })
  await t.rejects(readBaseline(path.join(dir, 'none.json')), { message: /cannot read the baseline .*none\.json: ENOENT/ })
})

t.test('bad usage is refused before the series is opened (a missing tree would be another error)', async t => {
  const missing = { tree: '/nonexistent/tree', patches: '/nonexistent/patches' }
  const rows: [Partial<SeriesArgs>, RegExp][] = [
    [{ unwind: 'abc' }, /^--unwind must be a positive whole number or auto, not 'abc'$/],
    [{ jobs: NaN }, /^--jobs must be a positive whole number, not a non-number$/],
    [{ maxSize: -1 }, /^--max-size must be a whole number from 0 to 4096, not -1$/],
    [{ timeout: 0 }, /^--timeout must be a positive number of seconds up to 2147483, not 0$/],
    [{ format: 'html' }, /^--format html needs --output FILE$/],
    [{ list: true, format: 'junit' }, /^--list prints text or json, not junit$/],
    [{ planOnly: true, format: 'markdown' }, /^--plan-only prints text or json, not markdown$/],
    [{ planOnly: true, list: true }, /^--plan-only and --list do not go together$/],
    [{ shard: '1/2', shards: 2 }, /^--shard and --shards do not go together$/],
    [{ baseline: '/nonexistent/base.json' }, /^cannot read the baseline/],
    [{ durations: '/nonexistent/last.json' }, /^cannot read the durations/],
  ]
  for (const [over, message] of rows) {
    const f = fake()
    const err = await runSeriesCommand(args({ ...missing, ...over }), f.ctx).then(() => undefined, (e: unknown) => e)
    t.type(err, UsageError, JSON.stringify(over))
    t.match(err, { message, exitCode: 3, hint: /./ }, JSON.stringify(over))
    t.equal(f.ctx.exitCode, undefined, `${JSON.stringify(over)}: no outcome`)
  }
  const f = fake()
  await t.rejects(runSeriesCommand(args({ manifest: t.testdir({ 'd.json': '{"a": 1}' }) + '/d.json', durations: undefined }), f.ctx), { name: 'ConfigError' }, 'a manifest that is no manifest')
})

t.test('--plan-only: per entry the functions planned, text or JSON; exit 0 when every file was planned', async t => {
  const dir = t.testdir(MANIFEST)
  const manifest = path.join(dir, 'm.yaml')
  let f = fake()
  await runSeriesCommand(args({ manifest, planOnly: true }), f.ctx)
  t.equal(f.ctx.exitCode, 0)
  t.match(f.out.join(''), /^klp-verify series --plan-only: .*m\.yaml \(plan [0-9a-f]{16}\)\n {2}2 changed files, 0 changed functions \(0 planned\), 3 proofs planned; 0 files not planned\npatch 1\/2 0: .*\n {2}.*a-new\.c: functions named · 2 proofs: fa, fb\n/)
  f = fake()
  await runSeriesCommand(args({ manifest, planOnly: true, format: 'json' }), f.ctx)
  t.match(JSON.parse(f.out.join('')), { kind: 'series-plan-only', exitCode: 0, files: [{ patch: 0, planned: ['fa', 'fb'] }, { patch: 1, planned: ['fc'] }] })
})

t.test('--list --no-cache: the plan, text or JSON, sharded, written to --output', async t => {
  const dir = t.testdir(MANIFEST)
  const manifest = path.join(dir, 'm.yaml')
  let f = fake()
  await runSeriesCommand(args({ manifest, list: true }), f.ctx)
  t.equal(f.ctx.exitCode, 0)
  t.match(f.out.join(''), /^klp-verify series: 3 proofs planned \(plan [0-9a-f]{16}\)\n.*fa\(\).*\n.*fb\(\).*\n.*fc\(\)/)

  f = fake()
  await runSeriesCommand(args({ manifest, list: true, format: 'json', shard: '2/2' }), f.ctx)
  const plan = JSON.parse(f.out.join('')) as { kind: string; shard: { index: number; total: number }; proofs: { function: string; shard: number; cached?: boolean }[]; shards: { index: number; proofs: number; unknown: number; cached: number }[] }
  t.equal(plan.kind, 'series-plan')
  t.match(plan.shard, { index: 2, total: 2 })
  t.same(plan.proofs.map(p => p.function), ['fa', 'fb', 'fc'])
  t.ok(plan.proofs.every(p => p.cached === undefined), '--no-cache: the cache is not asked')
  t.same(plan.shards.map(s => s.proofs), [plan.proofs.filter(p => p.shard === 1).length, plan.proofs.filter(p => p.shard === 2).length])
  t.same(plan.shards.map(s => [s.unknown, s.cached]), [[plan.shards[0]!.proofs, 0], [plan.shards[1]!.proofs, 0]], 'no durations: every cost unknown')

  f = fake({ CI_NODE_INDEX: '1', CI_NODE_TOTAL: '3' })
  const out = path.join(dir, 'plan.json')
  await runSeriesCommand(args({ manifest, list: true, format: 'json', output: out }), f.ctx)
  t.match(JSON.parse(readFileSync(out, 'utf8')), { shard: { index: 1, total: 3, source: /CI_NODE_INDEX/ } })
  t.same(f.err, ['klp-verify: shard 1/3 (from GitLab CI_NODE_INDEX/CI_NODE_TOTAL)', `klp-verify: plan exit 0 — report written to ${out}`])
})

t.test('a run whose cbmc cannot be found: every proof an error, exit 3, in the chosen format; baseline and html', async t => {
  const dir = t.testdir({ ...MANIFEST, cache: {} })
  const manifest = path.join(dir, 'm.yaml')
  const cbmc = path.join(dir, 'no-such-cbmc')
  const run = { manifest, cbmc, cacheDir: path.join(dir, 'cache'), cache: true }
  let f = fake()
  await runSeriesCommand(args({ ...run, format: 'json' }), f.ctx)
  t.equal(f.ctx.exitCode, 3)
  const report = JSON.parse(f.out.join('')) as { exitCode: number; proofs: { function: string; verdict: string; error?: string }[] }
  t.equal(report.exitCode, 3)
  t.same(report.proofs.map(p => [p.function, p.verdict]), [['fa', 'error'], ['fb', 'error'], ['fc', 'error']])
  t.match(report.proofs[0]!.error, /no-such-cbmc/)
  t.same(readdirSync(path.join(dir, 'cache')), [], 'an error is never cached')

  // the report just written is the next run's baseline and durations
  const last = path.join(dir, 'last.json')
  await emit(f.out.join(''), last, fake().ctx, 3, 'series')
  f = fake()
  await runSeriesCommand(args({ ...run, baseline: last, durations: last, shard: '1/2' }), f.ctx)
  t.equal(f.ctx.exitCode, 3)
  t.match(f.out.join(''), /error/)

  f = fake()
  const html = path.join(dir, 'report.html')
  await runSeriesCommand(args({ ...run, format: 'html', output: html }), f.ctx)
  t.equal(f.ctx.exitCode, 3)
  t.match(readFileSync(html, 'utf8'), /<html/i)
  t.ok(existsSync(path.join(dir, 'report-harness')), 'an HTML report keeps the harnesses next to it')
  t.match(f.err.join('\n'), /klp-verify: series exit 3 — report written to .*report\.html/)
})

t.test('the series is opened from a patch directory or a git range (their own errors reach the user)', async t => {
  const dir = t.testdir({ tree: { 'a.c': FN('f', 'return x;') }, patches: { series: '' } })
  await t.rejects(runSeriesCommand(args({ tree: path.join(dir, 'tree'), patches: path.join(dir, 'patches'), include: ['.'] }), fake().ctx), {
    name: 'UsageError', message: /^no patches found in .*patches$/, hint: /quilt series file/,
  })
  await t.rejects(runSeriesCommand(args({ git: path.join(dir, 'tree'), range: 'a..b' }), fake().ctx), { exitCode: 3, message: /tree/ })
})

t.test('an empty plan because a patch failed: --list is an error, and the run reports the patch (exit 3)', async t => {
  const dir = t.testdir({ ...MANIFEST, 'm.yaml': 'entries:\n  - { old: b-old.c, new: b-new.c, functions: [fc], spec: missing.yaml }\n' })
  const manifest = path.join(dir, 'm.yaml')
  const f = fake()
  await t.rejects(runSeriesCommand(args({ manifest, list: true }), f.ctx), {
    name: 'ExtractError', exitCode: 3,
    message: /^no proof planned: 1 patch could not be planned \(.*b-old\.c → .*b-new\.c: cannot read spec file .*missing\.yaml: ENOENT/,
    hint: /without --list/,
  })
  t.same(f.out, [], 'no plan printed')
  const run = fake()
  await runSeriesCommand(args({ manifest, format: 'json' }), run.ctx)
  t.equal(run.ctx.exitCode, 3)
  t.match(JSON.parse(run.out.join('')), { exitCode: 3, proofs: [], patches: [{ status: 'error', error: /missing\.yaml/ }] })
})

t.test('--list with a patch that could not be planned beside planned ones: the plan, and a warning naming the patch', async t => {
  const dir = t.testdir({ ...MANIFEST, 'm.yaml': 'entries:\n  - { old: a-old.c, new: a-new.c, functions: [fa] }\n  - { old: b-old.c, new: b-new.c, functions: [fc], spec: missing.yaml }\n' })
  const f = fake()
  await runSeriesCommand(args({ manifest: path.join(dir, 'm.yaml'), list: true, format: 'json' }), f.ctx)
  t.equal(f.ctx.exitCode, 0, 'the listing itself succeeds (shards run from it)')
  t.same(JSON.parse(f.out.join('')).proofs.map((p: { function: string }) => p.function), ['fa'])
  t.match(f.err.join('\n'), /^klp-verify: warning: 1 patch could not be planned \(.*b-old\.c → .*b-new\.c: cannot read spec file .*missing\.yaml.*\); the listed proofs leave it out, and a run of the series reports it and exits 3$/m)
})
