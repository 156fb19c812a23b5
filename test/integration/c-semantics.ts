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
