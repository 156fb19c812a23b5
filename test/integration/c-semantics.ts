/**
 * C semantics a benchmark trusts (issue 12), end to end with the real cbmc and gcc: floats that are
 * NaN, libm calls in a native replay, output written with printf and friends.
 */
import t from 'tap'
import { requireCbmc, runCase } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
})

t.test('a libm difference (sqrt of a negative length) is found and confirmed by a native replay that links -lm', async t => {
  const { report } = await runCase('float-libm')
  t.equal(report.verdict, 'unintended')
  const ret = report.differences.find(d => d.observable === 'return')
  t.equal(ret?.confirmed, true, `confirmed natively (${ret?.confirmation})`)
})

t.test('output is observable: a removed or changed printf is a difference in the calls, confirmed natively; the same printf is equal', async t => {
  for (const name of ['output-removed', 'output-changed']) {
    const { report } = await runCase(name)
    t.equal(report.verdict, 'unintended', name)
    const calls = report.differences.find(d => d.observable === 'calls')
    t.ok(calls, `${name}: the calls differ`)
    t.equal(calls?.confirmed, true, `${name}: confirmed natively (${calls?.confirmation})`)
  }
  const { report } = await runCase('output-unchanged')
  t.equal(report.verdict, 'equivalent', 'the same message with the same value')
})

t.test('an unchanged function returning NaN is equivalent: NaN is the same as NaN', async t => {
  const { report } = await runCase('float-nan-refactor')
  t.equal(report.verdict, 'equivalent')
})

t.test('a double argument of an external call is compared by its bits: ext_wave(x) and ext_wave(x / 2) are different calls', async t => {
  // logged through (long long) both were 0 for x in (0, 1): the same call, the same answer, "equivalent"
  const { report } = await runCase('float-external-arg')
  t.equal(report.verdict, 'unintended', report.summary)
  const calls = report.differences.find(d => d.observable === 'calls')
  t.ok(calls, 'the calls differ')
  t.equal(calls?.confirmed, true, `confirmed natively (${calls?.confirmation})`)
})
