/**
 * Every worked case in harnesses/ against the real cbmc: verdict, exit code, and which
 * observables differ (intended or not), claims observed, pre-existing findings.
 */
import { readdirSync, existsSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { HARNESSES, expectationOf, requireCbmc, runCase } from '../fixtures/integration.js'

const EXIT: Record<string, number> = { equivalent: 0, 'as-claimed': 0, unintended: 1, 'claim-unobserved': 1, inconclusive: 2, error: 3 }

const cases = readdirSync(HARNESSES)
  .filter(d => existsSync(path.join(HARNESSES, d, 'spec.yaml')) && existsSync(path.join(HARNESSES, d, 'old.c')))
  .sort()

t.before(async () => {
  await requireCbmc()
})

t.test('there are worked cases for every verdict', async t => {
  const verdicts = new Set(cases.map(c => expectationOf(c).verdict))
  for (const v of ['equivalent', 'as-claimed', 'unintended', 'claim-unobserved', 'inconclusive']) t.ok(verdicts.has(v), `a case with verdict ${v}`)
})

for (const name of cases) {
  t.test(name, async t => {
    const exp = expectationOf(name)
    const { res, report } = await runCase(name)
    t.equal(report.verdict, exp.verdict, `verdict (summary: ${report.summary}; errors: ${report.errors.join('; ')})`)
    // a live-patch hazard (harnesses/livepatch-*) raises a passing verdict's exit code to 1
    t.equal(res.code, exp.exitCode ?? EXIT[exp.verdict], 'exit code')
    t.equal(report.exitCode, res.code, 'report exit code matches the process')
    if (exp.reason) t.equal(report.reason, exp.reason, 'inconclusive reason')
    if (exp.unwinding) t.equal(report.unwinding.kind ?? 'bounded', exp.unwinding, 'proved with or without a bound')
    const unintended = report.differences.filter(d => d.classification === 'unintended').map(d => d.observable)
    const intended = report.differences.filter(d => d.classification === 'intended').map(d => d.observable)
    if (exp.unintended) t.same([...new Set(unintended)].sort(), [...exp.unintended].sort(), 'unintended observables')
    if (exp.intended) for (const o of exp.intended) t.ok(intended.some(i => i.includes(o)), `intended difference ${o}`)
    if (exp.claims) {
      for (const [id, observed] of Object.entries(exp.claims)) {
        t.equal(report.claims.find(c => c.id === id)?.observed, observed, `claim ${id} observed`)
      }
    }
    if (exp.preExisting) t.same(report.preExisting.map(p => p.kind).sort(), [...exp.preExisting].sort(), 'pre-existing findings')
    if (report.verdict === 'equivalent' || report.verdict === 'as-claimed') {
      t.ok(report.unwinding.complete, 'a proof is only claimed when every unwinding assertion held')
      t.ok(report.bounds.length > 0, 'the report says within which bounds')
    }
    for (const d of report.differences.filter(d => d.kind !== 'safety')) {
      t.ok(d.inputs.length > 0, `difference ${d.observable} comes with counterexample inputs`)
    }
    for (const d of report.differences) {
      // every counterexample is confirmed by running it natively, or says why that cannot show it
      t.ok(d.confirmed === true || (d.confirmed === 'n/a' && (d.confirmation ?? '').length > 20), `${d.observable}: confirmed natively (${d.confirmed}: ${d.confirmation})`)
    }
  })
}
