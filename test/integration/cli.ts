/** The command line as a user meets it, against the real cbmc. */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { HARNESSES, requireCbmc, runCli } from '../fixtures/integration.js'

const bc = (f: string) => path.join(HARNESSES, 'bounds-check', f)
const base = [bc('old.c'), bc('new.c'), '--func', 'msg_fill', '--buffer', 'buf:len', '--max-size', '12']

t.before(async () => {
  await requireCbmc()
})

t.test('the README example: an unclaimed fix is reported with a counterexample', async t => {
  const r = await runCli(base)
  t.equal(r.code, 1, 'exit 1: unintended')
  t.match(r.stdout, /^UNINTENDED\s+msg_fill\(\)/, 'verdict first')
  t.match(r.stdout, /unintended\s+return/, 'the return value differs')
  t.match(r.stdout, /len = \d+/, 'with the input that shows it')
  t.match(r.stdout, /return\s+\|\s+0\s+\|\s+-22/, 'old and new values side by side')
  t.match(r.stdout, /safety: array bounds in old/, 'the fixed overflow is named')
})

t.test('--intended on the command line makes the same patch as-claimed', async t => {
  const r = await runCli([...base, '--intended', 'len > MSG_PAYLOAD => ret == -EINVAL', '--format', 'json'])
  const report = JSON.parse(r.stdout)
  t.equal(r.code, 0)
  t.equal(report.verdict, 'as-claimed')
  t.same(report.claims.map((c: { observed: boolean }) => c.observed), [true])
  t.ok(report.bounds.some((b: { what: string }) => /max buffer size/.test(b.what)), 'bounds are reported')
})

t.test('a claim whose THEN is false is an unintended finding', async t => {
  const r = await runCli([...base, '--intended', 'len > MSG_PAYLOAD => ret == -EPERM', '--format', 'json'])
  const report = JSON.parse(r.stdout)
  t.equal(r.code, 1)
  t.ok(report.differences.some((d: { observable: string }) => d.observable === 'claim intended-1'))
})

t.test('a run that times out is inconclusive, never equivalent', async t => {
  const r = await runCli([...base, '--timeout', '0.001', '--format', 'json'])
  const report = JSON.parse(r.stdout)
  t.equal(report.verdict, 'inconclusive')
  t.equal(report.reason, 'timeout')
  t.equal(r.code, 2)
  t.ok(report.hints.some((h: string) => /--timeout/.test(h)), 'hint says how to fix it')
})

t.test('--keep-harness writes harnesses and commands a user can re-run by hand', async t => {
  const dir = t.testdir()
  const r = await runCli([path.join(HARNESSES, 'refactor-equivalent', 'old.c'), path.join(HARNESSES, 'refactor-equivalent', 'new.c'),
    '--spec', path.join(HARNESSES, 'refactor-equivalent', 'spec.yaml'), '--unwind', '9', '--keep-harness', dir])
  t.equal(r.code, 0, r.stderr)
  for (const f of ['equiv/klp_old.i', 'equiv/klp_new.i', 'equiv/cbmc-command.txt', 'safety-old/klp_old.i', 'run-cbmc.sh']) {
    t.ok(existsSync(path.join(dir, f)), `${f} written`)
  }
  const cmd = readFileSync(path.join(dir, 'equiv', 'cbmc-command.txt'), 'utf8').split('\n').find(l => l.startsWith('cd '))!
  const run = spawnSync('sh', ['-c', cmd], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 })
  t.equal(run.status, 0, run.stderr)
  const props = (JSON.parse(run.stdout) as { result?: { description: string; status: string }[] }[]).find(i => i.result)!.result!
  t.same(props.filter(p => p.status !== 'SUCCESS').map(p => p.description), [], 'the kept command proves the same thing by hand')
  // the entry-reachability witness lives in the new version's safety run only: there it is the one failure
  const safetyCmd = readFileSync(path.join(dir, 'safety-new', 'cbmc-command.txt'), 'utf8').split('\n').find(l => l.startsWith('cd '))!
  const safety = spawnSync('sh', ['-c', safetyCmd], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 })
  const sprops = (JSON.parse(safety.stdout) as { result?: { description: string; status: string }[] }[]).find(i => i.result)!.result!
  t.same(sprops.filter(p => p.status !== 'SUCCESS').map(p => p.description.split(' ')[0]), ['KLP_ENTRY'], 'safety-new: only the entry witness fails')
})

t.test('reports in every format, to stdout or a file', async t => {
  const junit = await runCli([...base, '--format', 'junit'])
  t.match(junit.stdout, /<testsuite[^>]*>[\s\S]*<failure/, 'junit: unintended is a failure')
  const md = await runCli([...base, '--format', 'markdown'])
  t.match(md.stdout, /\| \*\*unintended\*\* \| `return` \|/, 'markdown table of differences')
  const dir = t.testdir()
  const out = path.join(dir, 'report.json')
  const file = await runCli([...base, '--format', 'json', '--output', out])
  t.equal(file.stdout, '', 'nothing on stdout with --output')
  t.equal(JSON.parse(readFileSync(out, 'utf8')).verdict, 'unintended')
})

t.test('an explicitly named cbmc that does not exist is an error, not a fall-through', async t => {
  const viaFlag = await runCli([...base, '--cbmc', '/nonexistent/cbmc'])
  t.equal(viaFlag.code, 3)
  t.match(viaFlag.stderr, /^error: .*\/nonexistent\/cbmc/m)
  t.match(viaFlag.stderr, /^hint: /m)
  t.notMatch(viaFlag.stderr, /\n\s+at /, 'no stack trace')
  const viaEnv = await runCli(base, { ...process.env, KLP_CBMC: '/nonexistent/cbmc' })
  t.equal(viaEnv.code, 3)
  t.match(viaEnv.stderr, /KLP_CBMC/)
})

t.test('--memory caps every cbmc process: over it the proof is inconclusive (out-of-memory), never an error', async t => {
  const dir = path.join(HARNESSES, 'bounds-check')
  const r = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--spec', path.join(dir, 'spec.yaml'), '--memory', '16', '--no-replay', '--format', 'json'])
  const report = JSON.parse(r.stdout)
  t.equal(r.code, 2)
  t.match(report, { verdict: 'inconclusive', reason: 'out-of-memory', summary: /--memory cap of 16 MiB/ })
  t.match(report.hints, [/raise --memory/])
  const bad = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'msg_fill', '--memory', '8'])
  t.equal(bad.code, 3)
  t.match(bad.stderr, /^error: --memory must be a number of MiB of at least 16, not 8\nhint: /)
})

t.test('--proof-timeout bounds a whole proof: its runs share the budget, the verdict is inconclusive (timeout)', async t => {
  // a*b vs b*a on 32 bits keeps CaDiCaL busy for minutes
  const dir = t.testdir({
    'old.c': 'unsigned mul(unsigned a, unsigned b) { return a * b; }\n',
    'new.c': 'unsigned mul(unsigned a, unsigned b) { return b * a; }\n',
  })
  const t0 = Date.now()
  const r = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'mul', '--solver', 'sat', '--timeout', '600', '--proof-timeout', '4', '--no-replay', '--format', 'json'])
  const took = Date.now() - t0
  const report = JSON.parse(r.stdout)
  t.equal(r.code, 2)
  t.match(report, { verdict: 'inconclusive', reason: 'timeout' })
  t.ok(took < 20_000, `stopped by the proof's budget (${took} ms), not the 600 s per run`)
  t.match(report.hints.join('\n'), /--proof-timeout/)
  t.match(report.bounds, [{}, {}, { what: 'time per proof (--proof-timeout)', value: '4 s', isDefault: false }])
})
