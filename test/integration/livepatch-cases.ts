/**
 * The live-patch section of single proofs against the real gcc, binutils and cbmc, on the worked cases
 * in harnesses/livepatch-*: which functions the live patch replaces (and why), each one's verdict, the
 * hazards, and the exit code they give. The object analysis alone is tested in object-diff.ts.
 */
import path from 'node:path'
import t from 'tap'
import { findGcc } from '../../src/pipeline/replay/native.js'
import type { ProofReport } from '../../src/report/types.js'
import { HARNESSES, requireCbmc, runCase, runCli } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
  if (!(await findGcc())) throw new Error('gcc is not on PATH: install gcc and binutils (apt-get install gcc binutils) to run the live-patch tests')
})

const fns = (r: ProofReport) => r.livepatch!.functions.map(f => [f.symbol, f.reason, f.verdict, ...(f.via ? [f.via.join(',')] : [])])
const hazards = (r: ProofReport) => r.livepatch!.hazards.map(h => [h.kind, h.symbol, h.severity, ...(h.accepted ? ['accepted'] : [])])

t.test('a static helper inlined into its callers: the callers are listed via the helper and proved; the helper has no symbol', async t => {
  const { res, report } = await runCase('livepatch-inlined-helper')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.same(fns(report), [
    ['rx_weight', 'inlined-callee-changed', 'equivalent', 'scale'],
    ['tx_weight', 'inlined-callee-changed', 'equivalent', 'scale'],
  ])
  t.same(hazards(report), [])
  t.equal(res.code, 0)
  t.same(report.livepatch!.cflags, ['-O2'], 'no flags given: -O2')
})

t.test('a change at the call sites makes gcc clone the callee: scale.constprop.0 is an ipa-clone of scale', async t => {
  const { res, report } = await runCase('livepatch-constprop')
  t.equal(report.verdict, 'as-claimed', report.summary)
  t.match(fns(report), [['scale.constprop.0', 'ipa-clone', 'not-proved'], ['use', 'source-changed', 'as-claimed']])
  t.equal(report.livepatch!.functions[0]!.function, 'scale')
  t.equal(res.code, 0)
})

t.test('a changed initializer of a writable global: data-changed, and the equivalent proof exits 1', async t => {
  const { res, report } = await runCase('livepatch-data-changed')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.same(fns(report), [], 'should_retry() compiles to the same code')
  t.same(hazards(report), [['data-changed', 'max_retries', 'error']])
  t.match(report.livepatch!.hazards[0]!.detail, /initial value 3 → 5.*pre-patch callback/)
  t.equal(res.code, 1)
  t.equal(report.exitCode, 1)
  const text = await runCli([path.join(HARNESSES, 'livepatch-data-changed', 'old.c'), path.join(HARNESSES, 'livepatch-data-changed', 'new.c'), '--spec', path.join(HARNESSES, 'livepatch-data-changed', 'spec.yaml')])
  t.match(text.stdout, /^EQUIVALENT {2}should_retry\(\)[^\n]*\n[^]*?\n\nlive patch: no function changed in the object code, 1 hazard\n {2}hazard {2}data-changed {2}max_retries {2}\(error\)\n/)
  t.equal(text.code, 1)
})

t.test('a static local whose type changes: a static-local hazard', async t => {
  const { report } = await runCase('livepatch-static-local')
  t.equal(report.verdict, 'unintended', report.summary)
  t.same(fns(report), [['next_seq', 'source-changed', 'unintended']])
  t.match(hazards(report), [['static-local', /^seq\.\d+$/, 'error']])
  t.match(report.livepatch!.hazards[0]!.detail, /size 1 → 4 bytes.*resets at patch time/)
})

t.test('IPA-RA: the new callee clobbers registers its caller keeps values in: a hazard at -O2, none with -pg -mfentry', async t => {
  const { res, report } = await runCase('livepatch-ipa-ra')
  t.equal(report.verdict, 'as-claimed', report.summary)
  t.same(fns(report), [['callee', 'source-changed', 'as-claimed'], ['caller', 'codegen-only', 'not-proved']])
  t.match(report.livepatch!.functions[1]!.note, /claims and inputs are callee\(\)'s: prove it with --func caller/)
  t.same(hazards(report), [['ipa-ra', 'callee', 'warning']])
  t.match(report.livepatch!.hazards[0]!.detail, /%rsi.*callers caller/)
  t.equal(res.code, 1, 'the hazard fails a passing proof')
  const traced = await runCase('livepatch-ipa-ra', ['--cflags', '-pg -mfentry'])
  t.equal(traced.report.verdict, 'as-claimed')
  t.same(traced.report.livepatch!.cflags, ['-O2', '-pg', '-mfentry'])
  t.same(fns(traced.report), [['callee', 'source-changed', 'as-claimed']], 'without IPA-RA the caller does not change')
  t.same(hazards(traced.report), [])
  t.equal(traced.res.code, 0)
})

t.test('a comment-only change: nothing listed', async t => {
  const { res, report } = await runCase('livepatch-comment-only')
  t.equal(report.verdict, 'equivalent')
  t.same(report.livepatch, { cflags: ['-O2'], functions: [], hazards: [], durationMs: report.livepatch!.durationMs })
  t.equal(res.code, 0)
})

t.test('a codegen-only change proved equivalent is benign; an accepted hazard stays listed, exit 0', async t => {
  const { res, report } = await runCase('livepatch-codegen-benign')
  t.equal(report.verdict, 'equivalent')
  t.same(fns(report), [['callee', 'source-changed', 'equivalent'], ['caller', 'codegen-only', 'equivalent']])
  t.equal(report.livepatch!.functions[1]!.benign, true)
  t.match(report.livepatch!.functions[1]!.note, /^benign: /)
  t.same(hazards(report), [['ipa-ra', 'callee', 'warning', 'accepted']])
  t.equal(res.code, 0)
})

t.test('--object off: no section; a file gcc cannot compile: the proof stands, the section says why', async t => {
  const off = await runCase('livepatch-data-changed', ['--object', 'off'])
  t.notOk('livepatch' in off.report)
  t.equal(off.res.code, 0)
  // broken() is outside what f() reaches: the proof reads only f's closure, gcc compiles it all
  const dir = t.testdir({
    'old.c': 'int f(int x) { return x + 1; }\nint broken(void) { return not_declared; }\n',
    'new.c': 'int f(int x) { return 1 + x; }\nint broken(void) { return not_declared; }\n',
  })
  const r = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'f', '--fwrapv', '--format', 'json'])
  const report = JSON.parse(r.stdout) as ProofReport
  t.equal(report.verdict, 'equivalent', r.stderr)
  t.match(report.livepatch, { functions: [], hazards: [], error: /^gcc failed: .*error: .*not_declared/ })
  t.equal(r.code, 0)
})
