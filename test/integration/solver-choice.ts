/**
 * --solver auto: code that divides by a constant (not a power of two) is compared with Z3, as code
 * with variable multiplications is; the JSON report says which solver ran.
 */
import t from 'tap'
import { requireCbmc, runCase } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
})

t.test('division by a constant: auto picks Z3 and proves the pair', async t => {
  const { res, report } = await runCase('divide-by-constant')
  t.equal(report.verdict, 'equivalent', `verdict (errors: ${report.errors.join('; ')})`)
  t.equal(res.code, 0)
  t.match(report.cbmc.solver, /^Z3 \(SMT\) for comparisons/, 'Z3 for the comparisons')
})
