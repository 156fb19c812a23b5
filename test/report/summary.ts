import t from 'tap'
import { summarize } from '../../src/report/summary.js'
import { RUN_STATUSES, VERDICT_LABEL, VERDICT_OUTCOME } from '../../src/model/outcomes.js'
import type { ProofReport } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'
import * as sz from '../fixtures/sizes-reports.js'

t.test('a summary per fixture', async t => {
  for (const [name, r] of Object.entries(f.reports)) t.matchSnapshot(summarize(r), name)
})

t.test('counts differences by classification', async t => {
  t.same(summarize(f.unintended).differences, { total: 3, intended: 1, unintended: 2 })
  t.same(summarize(f.asClaimed).differences, { total: 3, intended: 3, unintended: 0 })
  t.same(summarize(f.equivalent).differences, { total: 0, intended: 0, unintended: 0 })
})

t.test('counts claims observed, unobserved and unknown', async t => {
  t.same(summarize(f.claimUnobserved).claims, { total: 2, observed: 1, unobserved: 1, unknown: 0 })
  t.same(summarize(f.inconclusiveUnwinding).claims, { total: 1, observed: 0, unobserved: 0, unknown: 1 })
  t.same(summarize(f.equivalent).claims, { total: 0, observed: 0, unobserved: 0, unknown: 0 })
})

t.test('counts findings, changes, hints and errors', async t => {
  const s = summarize(f.inconclusiveTypeChanged)
  t.same([s.preExisting, s.typeChanges, s.constChanges, s.hints, s.errors], [0, 1, 1, 1, 0])
  t.equal(summarize(f.equivalent).preExisting, 1)
  t.equal(summarize(f.error).errors, 1)
})

t.test('runs by status, in RUN_STATUSES order, zero counts left out', async t => {
  const r: ProofReport = {
    ...f.equivalent,
    runs: [
      { ...f.equivalent.runs[0]!, status: 'timeout' },
      { ...f.equivalent.runs[0]!, status: 'found' },
      { ...f.equivalent.runs[0]!, status: 'complete' },
      { ...f.equivalent.runs[0]!, status: 'found' },
    ],
  }
  t.same(summarize(r).runs, {
    total: 4,
    byStatus: [
      { status: 'complete', count: 1 },
      { status: 'found', count: 2 },
      { status: 'timeout', count: 1 },
    ],
  })
  t.same(summarize(f.inconclusiveTypeChanged).runs, { total: 0, byStatus: [] })
  t.equal(new Set(RUN_STATUSES).size, 8, 'every run status has a place')
})

t.test('headline per verdict', async t => {
  const rows: [ProofReport, string][] = [
    [f.equivalent, 'msg_fill(): old and new behave the same'],
    [f.asClaimed, 'msg_fill(): the patch changes only what its claims allow'],
    [f.unintended, 'msg_fill(): the patch changes behavior outside its claims'],
    [f.claimUnobserved, 'msg_fill(): claim count-errors never observed'],
    [
      f.inconclusiveUnwinding,
      'msg_fill(): no verdict (unwinding-bound): a loop needs a higher bound',
    ],
    [
      f.inconclusiveTypeChanged,
      'msg_fill(): no verdict (type-changed): a type the function uses changed',
    ],
    [{ ...f.inconclusiveUnwinding, reason: undefined }, 'msg_fill(): no verdict (reason not recorded)'],
    [f.error, 'msg_fill(): the proof could not be run'],
  ]
  for (const [r, want] of rows) {
    const s = summarize(r)
    t.equal(s.headline, want, r.verdict)
    t.equal(s.headline, `${r.function}(): ${s.sentence}`)
    t.equal(s.label, VERDICT_LABEL[r.verdict])
    t.equal(s.outcome, VERDICT_OUTCOME[r.verdict])
  }
})

t.test('several unobserved claims are all named', async t => {
  const r: ProofReport = {
    ...f.claimUnobserved,
    claims: f.claimUnobserved.claims.map(c => ({ ...c, observed: false })),
  }
  t.equal(summarize(r).sentence, 'claims reject-long-payload, count-errors never observed')
})

t.test('detail is the classifier summary, only when it adds something', async t => {
  t.equal(summarize(f.asClaimed).detail, 'only intended differences, every claim observed')
  t.equal(summarize(f.error).detail, 'cbmc could not check this proof')
  t.notOk('detail' in summarize({ ...f.error, summary: '' }), 'empty summary')
  t.notOk('detail' in summarize({ ...f.error, summary: '   ' }), 'blank summary')
  t.notOk('detail' in summarize({ ...f.equivalent, summary: 'old and new behave the same' }), 'same as headline')
})

t.test('bounds: the unwinding bound first', async t => {
  t.same(summarize(f.equivalent).bounds, f.equivalent.bounds, 'already first')
  const [unwind, maxSize, buffer] = f.equivalent.bounds
  t.same(summarize({ ...f.equivalent, bounds: [maxSize!, unwind!, buffer!] }).bounds, [unwind, maxSize, buffer], 'moved first')
  t.same(
    summarize({ ...f.equivalent, bounds: [maxSize!] }).bounds,
    [{ what: 'unwinding bound', value: 'auto (reached 16)', isDefault: true }, maxSize],
    'made from r.unwinding when missing (auto)',
  )
  t.same(
    summarize({ ...f.inconclusiveUnwinding, bounds: [] }).bounds,
    [{ what: 'unwinding bound', value: '8', isDefault: false }],
    'made from r.unwinding when missing (fixed)',
  )
})

t.test('bounds apply to the complete verdicts only', async t => {
  const rows: [ProofReport, boolean][] = [
    [f.equivalent, true],
    [f.asClaimed, true],
    [f.claimUnobserved, true],
    [f.unintended, false],
    [f.inconclusiveUnwinding, false],
    [f.error, false],
  ]
  for (const [r, want] of rows) t.equal(summarize(r).boundsApply, want, r.verdict)
})

t.test('where the bounds are shown', async t => {
  const rows: [ProofReport, string][] = [
    [f.equivalent, 'verdict'],
    [f.asClaimed, 'verdict'],
    [f.claimUnobserved, 'verdict'],
    [f.unintended, 'end'],
    [f.inconclusiveUnwinding, 'end'],
    [f.inconclusiveTypeChanged, 'omit'],
    [f.error, 'omit'],
  ]
  for (const [r, want] of rows) t.equal(summarize(r).showBounds, want, `${r.verdict} ${r.reason ?? ''}`)
})

t.test('a verdict reached at a smaller buffer bound: the bound in the headline, the bounds with the verdict', async t => {
  const open = summarize(sz.reducedBound)
  t.equal(open.label, 'INCONCLUSIVE')
  t.equal(open.outcome, 'skip')
  t.equal(open.headline, 'ucs2_strnlen(): equivalent for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s)')
  t.equal(open.boundsApply, true)
  t.equal(open.showBounds, 'verdict')
  const ok = summarize(sz.reducedAccepted)
  t.equal(ok.outcome, 'pass')
  t.equal(ok.sentence, 'old and new behave the same for buffers of up to 16 elements (max-size 32 timed out after 1 min 33 s; accepted by --min-size 16)')
  const finished = summarize({ ...sz.reducedAccepted, sizes: { ...sz.reducedAccepted.sizes!, reduced: false } })
  t.equal(finished.sentence, 'old and new behave the same', 'at the requested bound: no bound in the headline')
})

t.test('an unbounded proof: its bounds are shown with the verdict, not as a limit', async t => {
  const unbounded: ProofReport = { ...f.equivalent, runs: [], unwinding: { ...f.equivalent.unwinding, kind: 'unbounded', techniques: [{ what: 'msg_fill()', technique: 'identical' }] } }
  t.equal(summarize(unbounded).boundsApply, false)
  t.equal(summarize(unbounded).showBounds, 'verdict')
  t.equal(summarize({ ...unbounded, unwinding: { ...unbounded.unwinding, kind: 'bounded' } }).boundsApply, true, 'bounded: within its bounds')
})
