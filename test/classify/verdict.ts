/** decideVerdict, one row per rule, over hand-built JobResult rows. */
import t from 'tap'
import type { EqFailure, JobResult, SafetyViolation } from '../../src/classify/types.js'
import { decideVerdict, type VerdictContext, type VerdictParts } from '../../src/classify/verdict.js'
import type { Claim, HarnessMode } from '../../src/model/types.js'

// --- builders ------------------------------------------------------------------------------------

function job(run: string, mode: HarnessMode, over: Partial<JobResult> = {}): JobResult {
  return {
    run, mode, unwind: 8, status: 'complete', openLoops: [], noBody: [], eqFailures: [], reachProven: false,
    safety: [], errors: [], findingIds: [], durationMs: 10, command: `cd ${run} && cbmc`, ...over,
  }
}
const equiv = (over: Partial<JobResult> = {}) => job('equiv', { kind: 'equiv' }, over)
const claim = (i: number, over: Partial<JobResult> = {}) => job(`claim-${i}`, { kind: 'claim', claim: i }, over)
const safetyOld = (over: Partial<JobResult> = {}) => job('safety-old', { kind: 'safety', version: 'old', restrict: 'all' }, over)
const safetyOldOutside = (over: Partial<JobResult> = {}) => job('safety-old-outside', { kind: 'safety', version: 'old', restrict: 'outside-safety-claims' }, over)
const safetyOldIn = (i: number, over: Partial<JobResult> = {}) => job(`safety-old-claim-${i}`, { kind: 'safety', version: 'old', restrict: { claim: i } }, over)
const safetyNew = (over: Partial<JobResult> = {}) => job('safety-new', { kind: 'safety', version: 'new', restrict: 'all' }, over)

const inputs = [{ name: 'len', value: '9' }]
function violation(version: 'old' | 'new', kind = 'array bounds', fn = 'msg_fill'): SafetyViolation {
  return { key: `${kind}|${fn}`, kind, version, function: fn, description: `${kind} check`, location: `${version}.c:19`, inputs }
}
const eqFailure = (label = 'return', kind = 'return'): EqFailure => ({ observable: 0, label, kind, inputs, values: [{ what: 'return', old: '0', new: '-22' }] })
const openLoop = { loop: 'klp_new_msg_fill.0', location: 'new.c:12', recursion: false }
const bounded = (over: Partial<JobResult> = {}): Partial<JobResult> => ({ status: 'bound-too-small', openLoops: [openLoop], ...over })
const witness = { inputs, values: [{ what: 'return', old: '0', new: '-22' }], observables: ['return', 'memory *m'] }

const claims: Claim[] = [
  { id: 'reject-long', source: { when: 'len > MSG_PAYLOAD', then: 'ret == -EINVAL' }, when: '((len > 8))', then: '(klp_ret_new == -22)', differs: ['return', 'memory', 'safety'] },
  { id: 'fix-bounds', source: { when: 'len == 0' }, when: '(len == 0)', differs: ['safety'] },
]
const ctx = (over: Partial<VerdictContext> = {}): VerdictContext => ({ claims: [], unwindMode: 'fixed', maxUnwind: 64, timeoutSec: 300, ...over })
const withClaims = (over: Partial<VerdictContext> = {}) => ctx({ claims: claims.slice(0, 1), ...over })

/** The facts a row is judged on (the rest is checked in dedicated subtests). */
const facts = (p: VerdictParts) => ({
  verdict: p.verdict,
  reason: p.reason,
  complete: p.complete,
  differences: p.differences.map(d => `${d.classification} ${d.observable}${d.claim ? ` [${d.claim}]` : ''} (${d.run})`),
  claims: p.claims.map(c => `${c.id}: ${c.observed}`),
  preExisting: p.preExisting.map(f => `${f.kind} in ${f.function}`),
})

interface Row {
  readonly rule: string
  readonly jobs: readonly JobResult[]
  readonly ctx: VerdictContext
  readonly want: Partial<ReturnType<typeof facts>>
}

const ROWS: readonly Row[] = [
  {
    rule: 'nothing differs, everything complete: equivalent',
    jobs: [equiv(), safetyOld(), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'equivalent', reason: undefined, complete: true, differences: [], claims: [], preExisting: [] },
  },
  {
    rule: 'errors win over everything',
    jobs: [equiv({ status: 'error', errors: ['cbmc could not run'] }), claim(0, { eqFailures: [eqFailure()] }), safetyNew({ safety: [violation('new')] }), safetyOld()],
    ctx: withClaims(),
    want: { verdict: 'error', complete: false },
  },
  {
    rule: 'an error status without a message is still an error',
    jobs: [equiv({ status: 'error' }), safetyOld(), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'error', complete: false, differences: [] },
  },
  {
    rule: 'an unintended difference is definitive even while loops are still open',
    jobs: [equiv(bounded({ eqFailures: [eqFailure()] })), safetyOld(bounded()), safetyNew(bounded())],
    ctx: ctx(),
    want: { verdict: 'unintended', complete: false, differences: ['unintended return (equiv)'] },
  },
  {
    rule: 'a difference inside a claim that does not allow its kind is unintended',
    jobs: [equiv(), claim(0, { reach: witness, eqFailures: [eqFailure('global nr_errors', 'globals')] }), safetyOldOutside(), safetyOldIn(0), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'unintended', complete: true, differences: ['unintended global nr_errors [reject-long] (claim-0)', 'intended return, memory *m [reject-long] (claim-0)'], claims: ['reject-long: true'] },
  },
  {
    rule: 'a failed THEN is unintended',
    jobs: [equiv(), claim(0, { reach: witness, thenFailure: { inputs, values: [{ what: 'return', old: '0', new: '0' }] } }), safetyOldOutside(), safetyOldIn(0), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'unintended', differences: ['unintended claim reject-long [reject-long] (claim-0)', 'intended return, memory *m [reject-long] (claim-0)'], claims: ['reject-long: true'] },
  },
  {
    rule: 'introduced: a safety violation only in new',
    jobs: [equiv(), safetyOld(), safetyNew({ safety: [violation('new', 'arithmetic overflow', 'avg_samples')] })],
    ctx: ctx(),
    want: { verdict: 'unintended', complete: true, differences: ['unintended safety: arithmetic overflow in new (safety-new)'], preExisting: [] },
  },
  {
    rule: 'fixed outside every claim that allows safety: unintended',
    jobs: [equiv(), safetyOld({ safety: [violation('old')] }), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'unintended', differences: ['unintended safety: array bounds in old (safety-old)'] },
  },
  {
    rule: 'fixed inside a claim that allows safety: intended, and it observes the claim',
    jobs: [equiv(), claim(0), safetyOldOutside(), safetyOldIn(0, { safety: [violation('old')] }), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'as-claimed', complete: true, differences: ['intended safety: array bounds in old [reject-long] (safety-old-claim-0)'], claims: ['reject-long: true'] },
  },
  {
    rule: 'a safety-only claim is observed by its safety run alone',
    jobs: [equiv(), claim(0), safetyOldOutside(), safetyOldIn(0, { safety: [violation('old')] }), safetyNew()],
    ctx: ctx({ claims: [claims[1]!] }),
    want: { verdict: 'as-claimed', differences: ['intended safety: array bounds in old [fix-bounds] (safety-old-claim-0)'], claims: ['fix-bounds: true'] },
  },
  {
    rule: 'pre-existing: the same kind in the same function in both versions is listed, not a difference',
    jobs: [equiv(), safetyOld({ safety: [violation('old', 'arithmetic overflow', 'scale_value')] }), safetyNew({ safety: [violation('new', 'arithmetic overflow', 'scale_value')] })],
    ctx: ctx(),
    want: { verdict: 'equivalent', complete: true, differences: [], preExisting: ['arithmetic overflow in scale_value'] },
  },
  {
    rule: 'pre-existing is by kind and function: another kind in new is still introduced',
    jobs: [equiv(), safetyOld({ safety: [violation('old')] }), safetyNew({ safety: [violation('new'), violation('new', 'division by zero')] })],
    ctx: ctx(),
    want: { verdict: 'unintended', differences: ['unintended safety: division by zero in new (safety-new)'], preExisting: ['array bounds in msg_fill'] },
  },
  {
    rule: 'introduced in new while old is not fully unwound: inconclusive',
    jobs: [equiv(), safetyOld(bounded()), safetyNew({ safety: [violation('new')] })],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'unwinding-bound', complete: false, differences: [] },
  },
  {
    rule: 'fixed in old while new is not fully unwound: inconclusive',
    jobs: [equiv(), safetyOld({ safety: [violation('old')] }), safetyNew(bounded())],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'unwinding-bound', complete: false, differences: [] },
  },
  {
    rule: 'one-sided safety while the other run was cancelled: safety-incomplete',
    jobs: [equiv(), safetyOld({ status: 'cancelled' }), safetyNew({ safety: [violation('new')] })],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'safety-incomplete', complete: false },
  },
  {
    rule: 'a claim observed by its witness: as-claimed',
    jobs: [equiv(), claim(0, { reach: witness }), safetyOldOutside(), safetyOldIn(0), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'as-claimed', complete: true, differences: ['intended return, memory *m [reject-long] (claim-0)'], claims: ['reject-long: true'] },
  },
  {
    rule: 'a claim never observed: claim-unobserved',
    jobs: [equiv(), claim(0, { reachProven: true }), safetyOldOutside(), safetyOldIn(0), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'claim-unobserved', complete: true, differences: [], claims: ['reject-long: false'] },
  },
  {
    rule: 'a claim whose runs did not finish is unknown, and the proof inconclusive',
    jobs: [equiv(), claim(0, bounded()), safetyOldOutside(), safetyOldIn(0), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'inconclusive', reason: 'unwinding-bound', complete: false, claims: ['reject-long: null'] },
  },
  {
    rule: 'a claim whose safety run did not finish is unknown',
    jobs: [equiv(), claim(0), safetyOldOutside(), safetyOldIn(0, { status: 'timeout' }), safetyNew()],
    ctx: withClaims(),
    want: { verdict: 'inconclusive', reason: 'timeout', claims: ['reject-long: null'] },
  },
  {
    rule: 'timeout',
    jobs: [equiv({ status: 'timeout' }), safetyOld(), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'timeout', complete: false },
  },
  {
    rule: 'out of memory',
    jobs: [equiv(), safetyOld({ status: 'out-of-memory' }), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'out-of-memory', complete: false },
  },
  {
    rule: 'a comparison cbmc left undecided: inconclusive (solver)',
    jobs: [equiv({ status: 'undetermined' }), safetyOld(), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'solver', complete: false },
  },
  {
    rule: 'timeout is named before out of memory and open loops',
    jobs: [equiv({ status: 'out-of-memory' }), safetyOld(bounded()), safetyNew({ status: 'timeout' })],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'timeout' },
  },
  {
    rule: 'calls without a body: inconclusive (external-calls)',
    jobs: [equiv({ noBody: ['hw_read'] }), safetyOld({ noBody: ['hw_read'] }), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'inconclusive', reason: 'external-calls', complete: false },
  },
  {
    rule: 'an unintended difference is reported before missing bodies',
    jobs: [equiv({ noBody: ['hw_read'], eqFailures: [eqFailure()] }), safetyOld(), safetyNew()],
    ctx: ctx(),
    want: { verdict: 'unintended', complete: false },
  },
]

t.test('one row per rule', async t => {
  for (const row of ROWS) {
    const got = facts(decideVerdict(row.jobs, row.ctx))
    t.match(got, row.want, row.rule)
    // t.match ignores absent keys: check `reason: undefined` explicitly
    if ('reason' in row.want && row.want.reason === undefined) t.equal(got.reason, undefined, `${row.rule}: no reason`)
  }
})

t.test('summaries', async t => {
  const rows: [string, readonly JobResult[], VerdictContext, string][] = [
    ['equivalent', [equiv()], ctx(), 'no behavioral difference'],
    ['one unintended', [equiv({ eqFailures: [eqFailure()] })], ctx(), 'the patch changes behavior it does not claim (1 unintended difference)'],
    ['two unintended', [equiv({ eqFailures: [eqFailure(), eqFailure('memory *m', 'memory')] })], ctx(), 'the patch changes behavior it does not claim (2 unintended differences)'],
    ['error', [equiv({ status: 'error' })], ctx(), 'cbmc could not check this proof'],
    ['external calls', [equiv({ noBody: ['hw_read', 'hw_write'] }), safetyNew({ noBody: ['hw_read'] })], ctx(), 'calls to functions without a body (hw_read, hw_write) are not modelled yet'],
    ['incomplete', [equiv(bounded())], ctx(), 'no unintended difference found, but the proof is incomplete (unwinding-bound)'],
    ['unobserved', [claim(0)], withClaims(), 'no unintended difference, but reject-long never showed a difference'],
    ['as-claimed', [claim(0, { reach: witness })], withClaims(), 'only intended differences, every claim observed'],
  ]
  for (const [what, jobs, c, want] of rows) t.equal(decideVerdict(jobs, c).summary, want, what)
})

t.test('hints', async t => {
  const loops = (unwind: number, openLoops: JobResult['openLoops'], status: JobResult['status'] = 'bound-too-small') => equiv({ unwind, status, openLoops })
  const rows: [string, readonly JobResult[], VerdictContext, string[]][] = [
    ['fixed bound: the loop and the next 2^k + 1', [loops(8, [openLoop])], ctx(), ['bound 8 was too small for the loop at new.c:12; try --unwind 9']],
    ['fixed bound: the bound read from the loop', [loops(8, [{ ...openLoop, bound: 8, need: 65 }])], ctx(), ['bound 8 was too small for the loop at new.c:12; try --unwind 65']],
    ['auto bound: the loop\'s own bound, and a --max-unwind that covers the bound that closes it', [loops(65, [{ ...openLoop, bound: 33, need: 65 }])], ctx({ unwindMode: 'auto', maxUnwind: 32 }), ['bound 33 was too small for the loop at new.c:12; try --max-unwind 64']],
    ['auto bound: past the ceiling, the next 2^k + 1', [loops(65, [{ ...openLoop, bound: 65 }])], ctx({ unwindMode: 'auto', maxUnwind: 64 }), ['bound 65 was too small for the loop at new.c:12; try --max-unwind 128']],
    ['auto bound: stopped below the ceiling (budget), the bound itself', [loops(9, [{ ...openLoop, bound: 9, need: 17 }])], ctx({ unwindMode: 'auto', maxUnwind: 64 }), ['bound 9 was too small for the loop at new.c:12; try --unwind 17']],
    ['loop without a location', [loops(4, [{ loop: 'klp_old_f.1', recursion: false }])], ctx(), ['bound 4 was too small for the loop; try --unwind 5']],
    ['recursion', [loops(8, [{ loop: 'klp_old_fact', location: 'old.c:3', recursion: true }])], ctx(), ['recursion depth 8 was too small for fact() at old.c:3; try --unwind 9']],
    ['recursion without a location', [loops(17, [{ loop: 'klp_new_walk', recursion: true }])], ctx({ unwindMode: 'auto', maxUnwind: 16 }), ['recursion depth 17 was too small for walk(); try --max-unwind 32']],
    ['the same loop in two runs is one hint', [loops(8, [openLoop]), safetyNew({ status: 'bound-too-small', openLoops: [openLoop] })], ctx(), ['bound 8 was too small for the loop at new.c:12; try --unwind 9']],
    ['open loops of complete runs give no hint', [equiv({ openLoops: [openLoop] })], ctx(), []],
    ['timeout', [equiv({ status: 'timeout' })], ctx({ timeoutSec: 120 }), ['a cbmc run hit the 120 s timeout; raise --timeout, or lower --max-size / --max-unwind']],
    ['out of memory', [equiv({ status: 'out-of-memory' })], ctx(), ['cbmc ran out of memory; lower --max-size or --max-unwind, or raise --memory if a cap was set']],
    ['limit on external calls', [equiv({ status: 'bound-too-small', openLoops: [{ loop: 'limit: external calls', recursion: false }] })], ctx(), ["the harness bounds external calls (calls sized to each external function's call sites, at most 6 per function and 16 in all; 64 bytes per out-parameter); a path needs more, so the proof is incomplete"]],
    ['undetermined', [equiv({ status: 'undetermined' })], ctx(), ['cbmc left some comparison properties UNKNOWN; re-run with --keep-harness and check the cbmc output (extra --cbmc-arg checks can cause this)']],
    ['one-sided safety', [safetyOld(bounded()), safetyNew({ safety: [violation('new')] })], ctx(), [
      'bound 8 was too small for the loop at new.c:12; try --unwind 9',
      'a one-sided memory-safety difference could not be confirmed because the other version was not fully unwound',
    ]],
    ['unobserved claim', [claim(0)], withClaims(), ['claim reject-long was never observed: the versions agree wherever its WHEN holds (or WHEN is unsatisfiable under the assumptions)']],
    ['external calls', [equiv({ noBody: ['hw_read'] })], ctx(), ['provide the bodies of hw_read in the files, or wait for external-call models']],
  ]
  for (const [what, jobs, c, want] of rows) t.same(decideVerdict(jobs, c).hints, want, what)
})

t.test('open loops and the bound', async t => {
  const p = decideVerdict([
    equiv(bounded({ unwind: 16 })),
    safetyOld(bounded({ unwind: 16, openLoops: [openLoop, { loop: 'klp_old_f.1', recursion: false }] })),
    safetyNew({ unwind: 32, openLoops: [{ loop: 'ignored.0', recursion: false }] }),
  ], ctx())
  t.same(p.openLoops, ['klp_new_msg_fill.0 (new.c:12)', 'klp_old_f.1'], 'loops of incomplete runs, once each')
  t.equal(p.bound, 32, 'the largest bound used')
  t.equal(decideVerdict([], ctx()).bound, 0, 'no runs: bound 0')
})

t.test('differences carry what the report shows', async t => {
  const p = decideVerdict([
    equiv({ eqFailures: [eqFailure()] }),
    claim(0, { reach: witness, eqFailures: [eqFailure('global nr_errors', 'globals')], thenFailure: { inputs, values: [] } }),
    safetyOldOutside({ safety: [violation('old', 'pointer dereference')] }),
    safetyOldIn(0, { safety: [violation('old'), violation('old')] }),
    safetyNew({ safety: [violation('new', 'arithmetic overflow'), violation('new', 'arithmetic overflow')] }),
  ], withClaims())
  t.same(p.differences, [
    { classification: 'unintended', observable: 'return', kind: 'return', inputs, values: eqFailure().values, run: 'equiv', detail: undefined, claim: undefined },
    {
      classification: 'unintended', observable: 'global nr_errors', kind: 'globals', inputs, values: eqFailure().values, run: 'claim-0',
      detail: 'differs inside claim reject-long, which does not allow globals to differ', claim: 'reject-long',
    },
    {
      classification: 'unintended', observable: 'claim reject-long', kind: 'claim', claim: 'reject-long', inputs, values: [], run: 'claim-0',
      detail: 'WHEN holds but THEN (ret == -EINVAL) does not',
    },
    {
      classification: 'unintended', observable: 'safety: arithmetic overflow in new', kind: 'safety', inputs, values: [], location: 'new.c:19',
      detail: 'introduced by the patch: arithmetic overflow check in msg_fill()', run: 'safety-new',
    },
    {
      classification: 'unintended', observable: 'safety: pointer dereference in old', kind: 'safety', inputs, values: [], location: 'old.c:19', run: 'safety-old-outside',
      detail: 'the patch fixes pointer dereference check in msg_fill() outside every claim that allows safety to differ',
    },
    {
      classification: 'intended', observable: 'safety: array bounds in old', kind: 'safety', claim: 'reject-long', inputs, values: [], location: 'old.c:19',
      detail: 'fixed by the patch: array bounds check in msg_fill()', run: 'safety-old-claim-0',
    },
    { classification: 'intended', observable: 'return, memory *m', kind: 'return', claim: 'reject-long', inputs, values: witness.values, run: 'claim-0' },
  ], 'the same violation twice in one run counts once')
  t.same(p.claims, [{
    id: 'reject-long', when: 'len > MSG_PAYLOAD', then: 'ret == -EINVAL', differs: ['return', 'memory', 'safety'], observed: true,
    witness: { inputs, values: witness.values },
  }])
  t.same(p.errors, [])
})

t.test('a claim is reported in the words the user wrote, not its harness C', async t => {
  const c: Claim = { id: 'c', source: { when: 'x > ONE', then: 'ret == 0' }, when: '(x > 1)', then: '(klp_ret_new == 0)', differs: [] }
  const p = decideVerdict([claim(0, { reach: { inputs: [], values: [], observables: [] }, thenFailure: { inputs: [], values: [] } })], ctx({ claims: [c] }))
  t.same(p.claims, [{ id: 'c', when: 'x > ONE', then: 'ret == 0', differs: [], observed: true, witness: { inputs: [], values: [] } }])
  t.match(p.differences, [
    { observable: 'claim c', detail: 'WHEN holds but THEN (ret == 0) does not' },
    { classification: 'intended', observable: 'behaviour', kind: 'return', claim: 'c' },
  ])
})

t.test('a claim without any run is never observed', async t => {
  const p = decideVerdict([equiv(), safetyOld(), safetyNew()], withClaims())
  t.same(p.claims.map(c => c.observed), [false])
  t.equal(p.verdict, 'claim-unobserved')
})

t.test('pre-existing findings are listed once, with what the old version showed', async t => {
  const p = decideVerdict([
    safetyOldOutside({ safety: [violation('old', 'arithmetic overflow', 'f')] }),
    safetyOldIn(0, { safety: [violation('old', 'arithmetic overflow', 'f')] }),
    safetyNew({ safety: [violation('new', 'arithmetic overflow', 'f')] }),
  ], withClaims())
  t.same(p.preExisting, [{ kind: 'arithmetic overflow', function: 'f', description: 'arithmetic overflow check', location: 'old.c:19', inputs }])
  t.same(p.differences, [])
})

t.test('errors name their run', async t => {
  const p = decideVerdict([equiv({ status: 'error', errors: ['cbmc could not run (spawn-failed)'] }), safetyNew({ status: 'error', errors: ['a', 'b'] })], ctx())
  t.same(p.errors, ['equiv: cbmc could not run (spawn-failed)', 'safety-new: a', 'safety-new: b'])
})

t.test('the same error from several runs is one line naming them all; the runs\' own hints come along', async t => {
  const e = "the entry assumptions ('0') allow no input at all, so every property would hold vacuously; nothing was proved"
  const h = 'drop or relax the contradicting --assume / spec assume: / Klp-Assume: entries, buffer lengths (--buffer, --max-size) or held: locks'
  const p = decideVerdict([equiv({ status: 'error', errors: [e], hints: [h] }), safetyNew({ status: 'error', errors: [e], hints: [h] })], ctx())
  t.equal(p.verdict, 'error')
  t.same(p.errors, [`equiv, safety-new: ${e}`])
  t.same(p.hints, [h], 'each hint once')
})
