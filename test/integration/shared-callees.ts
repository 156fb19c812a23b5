/**
 * Identical and unchanged code (issue #12) against the real cbmc: an identical pair is equivalent with
 * no cbmc run; an unchanged static helper with a loop is one shared function of both versions (never
 * inlined, no unwinding of its loop), and a caller that passes it a different argument is unintended.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import type { ProofReport } from '../../src/report/types.js'
import { HARNESSES, requireCbmc, runCase, runCli, runMutant } from '../fixtures/integration.js'

t.setTimeout(300_000)

t.before(async () => {
  await requireCbmc()
})

t.test('identical-helper: equivalent for all inputs without running cbmc', async t => {
  const { res, report } = await runCase('identical-helper')
  t.equal(res.code, 0)
  t.equal(report.verdict, 'equivalent')
  t.equal(report.runs.length, 0, 'no cbmc run')
  t.equal(report.unwinding.kind, 'unbounded')
  t.same(report.unwinding.techniques, [{ what: 'tally_bits()', technique: 'identical' }])
  t.notOk(report.bounds.some(b => b.what.startsWith('max buffer size')), 'no --max-size bound applies')
})

t.test('--unbounded off: the identical pair and the shared helper are proved bounded by cbmc', async t => {
  // small bounds: with the 64-iteration loops inlined a complete proof is not the point, only that nothing skips cbmc
  const small = ['--unbounded', 'off', '--max-size', '1', '--unwind', '3']
  const idl = await runCase('identical-helper', small)
  t.ok(idl.report.runs.length > 0, `cbmc ran (${idl.report.verdict})`)
  t.not(idl.report.unwinding.kind, 'unbounded')
  t.notOk(idl.report.unwinding.techniques, 'no technique without a bound')
  t.not(idl.report.verdict, 'unintended', 'the same code never differs')
  const sh = await runCase('unchanged-helper', small)
  t.ok(sh.report.runs.length > 0, `cbmc ran (${sh.report.verdict})`)
  t.not(sh.report.unwinding.kind, 'unbounded')
  t.notOk(sh.report.bounds.some(b => b.what.startsWith('shared callee')), 'nothing shared')
})

t.test('the same text with a changed macro is proved the normal way, and differs', async t => {
  const dir = t.testdir({ 'old.c': '', 'new.c': '' })
  const src = (f: string) => readFileSync(path.join(HARNESSES, 'identical-helper', f), 'utf8').replace('../include/kern.h', path.join(HARNESSES, 'include/kern.h'))
  const { writeFileSync } = await import('node:fs')
  writeFileSync(path.join(dir, 'old.c'), src('old.c'))
  writeFileSync(path.join(dir, 'new.c'), src('new.c').replace('#define TALLY_MASK 0xffffffffffffffffull', '#define TALLY_MASK 0xffffffffull'))
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'tally_bits', '--buffer', 'words:nr', '--max-size', '1', '--unwind', '3', '--format', 'json'])
  const report = JSON.parse(res.stdout) as ProofReport
  t.equal(report.verdict, 'unintended', report.summary)
  t.ok(report.runs.length > 0, 'cbmc ran')
  t.not(report.unwinding.kind, 'unbounded')
  t.ok(report.differences.some(d => d.observable === 'return' && d.classification === 'unintended'), 'the return value differs')
})

t.test('unchanged-helper: the static helper is shared, not inlined; equivalent without a bound', async t => {
  const { res, report } = await runCase('unchanged-helper')
  t.equal(res.code, 0)
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.same(report.unwinding.techniques?.map(x => [x.what, x.technique]), [['nr_bits()', 'shared-callee']])
  t.ok(report.bounds.some(b => b.what === 'shared callee nr_bits()'), 'the bounds name the shared callee')
  t.ok(report.unwinding.bound <= 2, `no loop was unwound (bound ${report.unwinding.bound}: nr_bits() has a 64-iteration loop)`)
  t.notOk(report.runs.some(r => r.run.startsWith('shared-')), 'one attempt')
})

t.test('unchanged-helper mutant: a different argument to the shared helper is unintended', async t => {
  const { res, report } = await runMutant('unchanged-helper')
  t.equal(res.code, 1)
  t.equal(report.verdict, 'unintended', report.summary)
  const ret = report.differences.find(d => d.observable === 'return')
  t.ok(ret, 'the return value differs')
  t.equal(ret?.confirmed, true, 'confirmed natively (a concrete counterexample from the inlined proof)')
  t.ok(report.runs.some(r => r.run.startsWith('shared-')) && report.runs.some(r => !r.run.startsWith('shared-')), 'the shared attempt, then the inlined proof')
  t.match(report.hints.join('\n'), /with nr_bits\(\) shared \(not inlined\) the proof was unintended; this verdict is with it inlined/)
})

t.test('unchanged-helper-float: a double helper with a loop is shared (its argument by its bits); a different argument is unintended', async t => {
  const { report } = await runCase('unchanged-helper-float')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.same(report.unwinding.techniques?.map(x => [x.what, x.technique]), [['damp()', 'shared-callee']])
  const { res, report: mutant } = await runMutant('unchanged-helper-float')
  t.equal(mutant.verdict, 'unintended', mutant.summary)
  t.equal(mutant.differences.find(d => d.observable === 'return')?.confirmed, true, 'a concrete counterexample, confirmed natively')
})

t.test('recursion-induction: a rewritten recursive function is equivalent for every depth; a mutant is unintended', async t => {
  const { report } = await runCase('recursion-induction')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.same(report.unwinding.techniques?.map(x => [x.what, x.technique]), [['recursion of digit_sum()', 'induction']])
  t.match(report.unwinding.techniques?.[0]?.assumes, /for every input on which both versions terminate/)
  const { res, report: mutant } = await runMutant('recursion-induction')
  t.equal(mutant.verdict, 'unintended', mutant.summary)
  t.equal(mutant.differences.find(d => d.observable === 'return')?.confirmed, true, 'a concrete counterexample, confirmed natively')
})
