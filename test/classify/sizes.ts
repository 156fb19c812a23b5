/**
 * Stepping the buffer bound: what each bound's verdict means for the bounds above it, which bound's
 * facts the report shows, and the verdict of a proof that stopped below the requested bound.
 */
import t from 'tap'
import { chosenStep, decideSizes, stepMove, type StepFacts } from '../../src/classify/sizes.js'
import type { VerdictParts } from '../../src/classify/verdict.js'
import { EXIT_OF } from '../../src/model/outcomes.js'

function parts(verdict: VerdictParts['verdict'], reason?: VerdictParts['reason'], hints: string[] = []): VerdictParts {
  return {
    verdict, ...(reason ? { reason } : {}), summary: `${verdict} summary`, differences: [], claims: [], preExisting: [], hints, errors: [],
    complete: verdict !== 'inconclusive' && verdict !== 'error', openLoops: [], bound: 16,
  }
}
const step = (maxSize: number, p: VerdictParts, durationMs = 1000): StepFacts => ({ maxSize, parts: p, durationMs })

t.test('a bound\'s verdict: climb on, stop with it, or stop open', async t => {
  const rows: [VerdictParts['verdict'], VerdictParts['reason'], string][] = [
    ['equivalent', undefined, 'climb'],
    ['as-claimed', undefined, 'climb'],
    // a claim may need a larger buffer to show (len > 8 at max-size 8)
    ['claim-unobserved', undefined, 'climb'],
    ['unintended', undefined, 'final'],
    ['error', undefined, 'final'],
    ['inconclusive', 'timeout', 'open'],
    ['inconclusive', 'out-of-memory', 'open'],
    ['inconclusive', 'unwinding-bound', 'open'],
    ['inconclusive', 'solver', 'open'],
    ['inconclusive', 'safety-incomplete', 'open'],
    // the same at every bound
    ['inconclusive', 'external-calls', 'final'],
    ['inconclusive', 'type-changed', 'final'],
  ]
  for (const [v, r, want] of rows) t.equal(stepMove(parts(v, r)), want, `${v}${r ? ` (${r})` : ''}`)
})

t.test('the bound whose facts the report shows', async t => {
  const eq = parts('equivalent')
  const open = parts('inconclusive', 'timeout')
  t.equal(chosenStep([{ parts: eq }, { parts: eq }]), 1, 'finished: the last')
  t.equal(chosenStep([{ parts: eq }, { parts: parts('unintended') }]), 1, 'a counterexample: where it was found')
  t.equal(chosenStep([{ parts: eq }, { parts: parts('claim-unobserved') }, { parts: open }]), 1, 'open: the largest bound that finished')
  t.equal(chosenStep([{ parts: open }]), 0, 'none finished: the open one')
  t.throws(() => chosenStep([]))
})

t.test('finished at the requested bound: its verdict, not reduced', async t => {
  const { parts: p, sizes } = decideSizes([step(4, parts('equivalent')), step(8, parts('equivalent'), 2500)], { requested: 8 })
  t.equal(p.verdict, 'equivalent')
  t.same(sizes, { requested: 8, reached: 8, reduced: false, steps: [{ maxSize: 4, verdict: 'equivalent', durationMs: 1000 }, { maxSize: 8, verdict: 'equivalent', durationMs: 2500 }] })
})

t.test('the requested bound timed out: the smaller bound\'s verdict, stated, and no pass', async t => {
  const steps = [step(4, parts('equivalent')), step(8, parts('as-claimed')), step(16, parts('inconclusive', 'timeout', ['a cbmc run hit the 300 s timeout']), 300_400.4)]
  const { parts: p, sizes } = decideSizes(steps, { requested: 16 })
  t.equal(p.verdict, 'inconclusive')
  t.equal(p.reason, 'reduced-bound')
  t.equal(EXIT_OF[p.verdict], 2)
  t.equal(p.summary, 'as-claimed summary only for buffers of up to 8 elements (max-size 16 timed out after 5 min 0 s), not up to the 16 asked')
  t.match(p.hints[0], /^the verdict holds only for buffers of up to 8 elements: raise --timeout \/ --proof-timeout to reach --max-size 16, or pass --min-size 8/)
  t.ok(p.hints.includes('a cbmc run hit the 300 s timeout'), 'what stopped it, and what to do')
  t.match(sizes, { requested: 16, reached: 8, reduced: true, stopped: { maxSize: 16, reason: 'timeout', afterMs: 300_400 } })
  t.equal(sizes.steps[2]!.reason, 'timeout')
})

t.test('--min-size accepts a smaller bound: its verdict and exit, the bound stated', async t => {
  const steps = [step(4, parts('equivalent')), step(8, parts('equivalent')), step(16, parts('inconclusive', 'unwinding-bound'))]
  const ok = decideSizes(steps, { requested: 16, minimum: 8 })
  t.equal(ok.parts.verdict, 'equivalent')
  t.equal(EXIT_OF[ok.parts.verdict], 0)
  t.equal(ok.parts.summary, 'equivalent summary, for buffers of up to 8 elements (max-size 16 needs a higher unwinding bound); --min-size 8 accepts that bound')
  t.match(ok.sizes, { reached: 8, minimum: 8, reduced: true })
  const low = decideSizes(steps, { requested: 16, minimum: 12 })
  t.equal(low.parts.reason, 'reduced-bound', 'below --min-size: inconclusive')
  t.match(low.parts.hints[0], /raise --max-unwind/)
})

t.test('a counterexample at a small bound is the verdict, whatever the bound', async t => {
  const { parts: p, sizes } = decideSizes([step(4, parts('unintended'))], { requested: 32, minimum: 16 })
  t.equal(p.verdict, 'unintended')
  t.equal(sizes.reduced, false)
  t.equal(sizes.reached, undefined)
  t.equal(sizes.stopped, undefined)
})

t.test('nothing finished: the open verdict as it is', async t => {
  const { parts: p, sizes } = decideSizes([step(4, parts('inconclusive', 'out-of-memory'))], { requested: 32 })
  t.equal(p.reason, 'out-of-memory')
  t.match(sizes, { reduced: false, stopped: { maxSize: 4, reason: 'out-of-memory' } })
})

t.test('smaller bounds no input fits are listed, not steps', async t => {
  const { sizes } = decideSizes([step(8, parts('equivalent'))], { requested: 8, noInput: [4] })
  t.same(sizes.noInput, [4])
  t.equal(decideSizes([step(8, parts('equivalent'))], { requested: 8, noInput: [] }).sizes.noInput, undefined)
})

t.test('the budget was spent before the next bound: reduced, and said so', async t => {
  const { parts: p, sizes } = decideSizes([step(4, parts('equivalent')), step(8, parts('claim-unobserved'))], { requested: 32, notStarted: { maxSize: 16 } })
  t.equal(p.reason, 'reduced-bound')
  t.match(p.summary, /for buffers of up to 8 elements \(no time was left for max-size 16\)/)
  t.match(p.hints[0], /raise --proof-timeout to reach --max-size 32/)
  t.match(sizes, { reached: 8, reduced: true, stopped: { maxSize: 16, reason: 'timeout', afterMs: 0 } })
})
