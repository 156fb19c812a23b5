/**
 * Loops proved for every iteration count (issue #12) against the real cbmc, goto-cc and
 * goto-instrument: a coupling invariant found by Houdini and checked by CBMC's loop contracts makes a
 * bounded proof unbounded; a late difference and a relation no candidate states stay honest.
 */
import t from 'tap'
import { requireCbmc, runCase, runMutant } from '../fixtures/integration.js'

t.setTimeout(600_000)

t.before(async () => {
  await requireCbmc()
})

t.test('loop-pointer-walk: a length loop rewritten as a pointer walk is equivalent for every len', async t => {
  const { res, report } = await runCase('loop-pointer-walk')
  t.equal(res.code, 0)
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.same(report.unwinding.techniques?.map(x => [x.what, x.technique]), [['loop at line 7 of csum_bytes()', 'coupling-invariant']])
  t.match(report.unwinding.techniques?.[0]?.assumes, /for every input on which both versions terminate; invariant .*new\.p == old\.buf \+ old\.i/)
  t.match(report.bounds.find(b => b.what === 'buffer buf')?.value, /any len >= 0 whose buffer fits in 2\^40 bytes \(no --max-size bound/)
  t.notOk(report.bounds.some(b => b.what === 'max buffer size (--max-size)'), 'no --max-size bound listed')
  t.match(res.stdout, /none: proved for all iteration counts \(coupling invariant/)
  t.ok(report.runs.some(r => r.run === 'loop-proof' && r.status === 'complete'))
})

t.test('loop-pointer-walk mutant: skipping the last byte is unintended, with a concrete counterexample', async t => {
  const { report } = await runMutant('loop-pointer-walk')
  t.equal(report.verdict, 'unintended', report.summary)
  t.equal(report.differences.find(d => d.observable === 'return')?.confirmed, true, 'confirmed natively')
  t.not(report.unwinding.kind, 'unbounded')
})

t.test('loop-cond-side-effect: a pointer moved in the loop condition against an index, equivalent for every max', async t => {
  const { report } = await runCase('loop-cond-side-effect')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.match(report.unwinding.techniques?.[0]?.assumes, /!new\.w|old\.w == new\.w \+ (old|new)\.n \+ 1/)
  t.match(report.bounds.find(b => b.what === 'buffer w')?.value, /any max >= 0 whose buffer fits in 2\^40 bytes/)
})

t.test('loop-unrolled-by-two: two old iterations per new one, then the remainder; a mutant without the remainder is unintended', async t => {
  const { report } = await runCase('loop-unrolled-by-two')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.unwinding.kind, 'unbounded')
  t.match(report.unwinding.techniques?.[0]?.assumes, /old\.i == new\.i.*; 2 old iterations per 1 new one, then what is left of either loop/)
  const { report: mutant } = await runMutant('loop-unrolled-by-two')
  t.equal(mutant.verdict, 'unintended', mutant.summary)
  t.equal(mutant.differences.find(d => d.observable === 'return')?.confirmed, true, 'confirmed natively')
})

t.test('loop-exit-test-moved: inconclusive at any bound, equivalent for every n with the loop proof', async t => {
  const { report } = await runCase('loop-exit-test-moved')
  t.equal(report.verdict, 'equivalent', report.summary)
  t.equal(report.reason, undefined)
  t.equal(report.unwinding.kind, 'unbounded')
  const off = await runCase('loop-exit-test-moved', ['--unbounded', 'off', '--max-unwind', '8'])
  t.equal(off.report.verdict, 'inconclusive')
  t.equal(off.report.reason, 'unwinding-bound')
  t.notOk(off.report.runs.some(r => r.run === 'loop-proof'), '--unbounded off: no loop proof')
})

t.test('loop-late-difference and loop-not-inductive: never equivalent; the hint says the loop proof did not hold', async t => {
  for (const name of ['loop-late-difference', 'loop-not-inductive']) {
    const { res, report } = await runCase(name)
    t.equal(res.code, 2, name)
    t.equal(report.verdict, 'inconclusive', `${name}: ${report.summary}`)
    t.equal(report.reason, 'unwinding-bound')
    t.match(report.hints.join('\n'), /a loop proof without a bound was tried \(\d+ rounds\) and did not hold: .*the verdict stays bounded/)
  }
})
