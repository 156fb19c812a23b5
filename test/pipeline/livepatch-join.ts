import t from 'tap'
import { MAX_EXTRA_PROOFS, isAccepted, joinLivePatch, planFunctionProofs, type ExtraProof, type ObjectOutcome } from '../../src/pipeline/livepatch-join.js'
import type { LivePatchFunction } from '../../src/object/index.js'
import type { ProofReport } from '../../src/report/types.js'
import { equivalent, unintended } from '../fixtures/reports.js'

const plain = { func: 'scale', claims: [], assumes: [], nullable: [], buffers: {}, held: [] }
const fn = (symbol: string, reason: LivePatchFunction['reason'], via?: string[]): LivePatchFunction =>
  ({ symbol, function: symbol.split('.')[0]!, reason, ...(via ? { via } : {}) })

t.test('planFunctionProofs: which other functions this run proves, and why not the rest', async t => {
  const fns = [
    fn('scale.constprop.0', 'ipa-clone'), // the proved function's own clone: its verdict, no plan
    fn('rx', 'inlined-callee-changed', ['scale']),
    fn('rx.cold', 'ipa-clone'),
    fn('tx.isra.0', 'ipa-clone', ['scale']),
    fn('other', 'source-changed'),
    fn('twice', 'new'),
    fn('mul.constprop.0', 'ipa-clone'),
    fn('caller', 'codegen-only'),
  ]
  const plans = planFunctionProofs(plain, fns)
  t.same(Object.fromEntries(plans), {
    rx: { prove: true },
    tx: { prove: true },
    other: { prove: false, note: 'its source changed too: prove it with --func other and its own claims' },
    twice: { prove: false, note: 'a new function: there is no old version to compare it with' },
    mul: { prove: false, note: 'a clone or part of mul(), whose source did not change: its code changed with what its callers pass' },
    caller: { prove: true },
  })
  t.notOk(plans.has('scale'))
  const rows: [string, Partial<typeof plain> & Record<string, unknown>][] = [
    ['claims', { claims: [{ id: 'c', when: 'x > 1', differs: [] }] }],
    ['assumptions', { assumes: ['x > 0'] }],
    ['nullable', { nullable: ['p'] }],
    ['buffers', { buffers: { buf: 'len' } }],
    ['held locks', { held: ['&l'] }],
    ['containers', { containers: { p: 'struct s.m' } }],
  ]
  for (const [what, extra] of rows) {
    const p = planFunctionProofs({ ...plain, ...extra } as typeof plain, [fn('rx', 'codegen-only')])
    t.same(p.get('rx'), { prove: false, note: "the proof's claims and inputs are scale()'s: prove it with --func rx" }, what)
  }
  const many = planFunctionProofs(plain, Array.from({ length: MAX_EXTRA_PROOFS + 1 }, (_, i) => fn(`c${i}`, 'codegen-only')))
  t.equal([...many.values()].filter(p => p.prove).length, MAX_EXTRA_PROOFS)
  t.same(many.get(`c${MAX_EXTRA_PROOFS}`), { prove: false, note: `more than ${MAX_EXTRA_PROOFS} other functions changed: prove it with --func c${MAX_EXTRA_PROOFS}` })
  const after = planFunctionProofs(plain, [fn('rx', 'codegen-only')], 'inconclusive')
  t.same(after.get('rx'), { prove: false, note: 'scale() is inconclusive, not equivalent, so this run stops there: prove it with --func rx' }, 'only after an equivalent proof')
  t.same(planFunctionProofs(plain, [fn('rx', 'codegen-only')], 'equivalent').get('rx'), { prove: true })
  const claimed = planFunctionProofs({ ...plain, claims: [{ id: 'c', when: 'x > 1', differs: [] }] } as typeof plain, [fn('rx', 'codegen-only')], 'as-claimed')
  t.match(claimed.get('rx'), { note: /^the proof's claims and inputs are scale\(\)'s/ }, 'claims say so first')
  const noHeld = planFunctionProofs({ ...plain, held: undefined } as unknown as typeof plain, [fn('rx', 'codegen-only')])
  t.same(noHeld.get('rx'), { prove: true }, 'a request without held locks')
})

t.test('isAccepted: kind:symbol, or kind:* for every symbol of the kind', async t => {
  const h = { kind: 'ipa-ra', symbol: 'callee' }
  t.ok(isAccepted(h, ['ipa-ra:callee']))
  t.ok(isAccepted(h, ['ipa-ra:*']))
  t.notOk(isAccepted(h, ['ipa-ra:other', 'data-changed:callee', 'data-changed:*']))
  t.notOk(isAccepted(h, []))
})

const main: ProofReport = { ...equivalent, function: 'scale' }
const outcome = (functions: LivePatchFunction[], hazards: ObjectOutcome extends { diff?: infer D } ? D extends { hazards: infer H } ? H : never : never = []): ObjectOutcome =>
  ({ cflags: ['-O2'], diff: { functions, hazards }, durationMs: 5 })
const hazard = { kind: 'data-changed', symbol: 'limit', severity: 'error', detail: 'limit changed' } as const

t.test('joinLivePatch: verdicts per function, accepted hazards, exit code', async t => {
  const fns = [fn('scale.constprop.0', 'ipa-clone'), fn('rx', 'inlined-callee-changed', ['scale']), fn('caller', 'codegen-only'), fn('gone', 'codegen-only'), fn('mul.part.0', 'ipa-clone')]
  const plans = planFunctionProofs(plain, fns)
  const proved = new Map<string, ExtraProof>([
    ['rx', { report: { ...unintended, function: 'rx' } }],
    ['caller', { report: { ...equivalent, function: 'caller' } }],
    ['gone', { error: 'gone() is not defined in old.c' }],
  ])
  const r = joinLivePatch(main, outcome(fns), plans, proved, [])
  t.same(r.livepatch!.functions, [
    { symbol: 'scale.constprop.0', function: 'scale', reason: 'ipa-clone', verdict: 'equivalent' },
    { symbol: 'rx', function: 'rx', reason: 'inlined-callee-changed', via: ['scale'], verdict: 'unintended', note: `proved in this run without claims: ${unintended.summary}` },
    { symbol: 'caller', function: 'caller', reason: 'codegen-only', verdict: 'equivalent', benign: true, note: `benign: its object code changed, though neither its source nor anything inlined into it did, and it behaves the same (${equivalent.summary})` },
    { symbol: 'gone', function: 'gone', reason: 'codegen-only', verdict: 'not-proved', note: 'its proof could not run: gone() is not defined in old.c' },
    { symbol: 'mul.part.0', function: 'mul', reason: 'ipa-clone', verdict: 'not-proved', note: 'a clone or part of mul(), whose source did not change: its code changed with what its callers pass' },
  ])
  t.equal(r.exitCode, 1, 'an unintended caller fails the run')
  t.equal(r.verdict, 'equivalent', "the proof's own verdict stays")
  t.same(r.livepatch!.cflags, ['-O2'])
  const unplanned = joinLivePatch(main, outcome([fn('rx', 'codegen-only')]), new Map(), new Map(), [])
  t.same(unplanned.livepatch!.functions[0], { symbol: 'rx', function: 'rx', reason: 'codegen-only', verdict: 'not-proved', note: 'not proved in this run' })
})

t.test('joinLivePatch: a hazard makes a passing run exit 1 unless accepted; other codes stay', async t => {
  const open = joinLivePatch(main, outcome([], [hazard]), new Map(), new Map(), [])
  t.equal(open.exitCode, 1)
  t.same(open.livepatch!.hazards, [hazard])
  const accepted = joinLivePatch(main, outcome([], [hazard]), new Map(), new Map(), ['data-changed:limit'])
  t.equal(accepted.exitCode, 0)
  t.same(accepted.livepatch!.hazards, [{ ...hazard, accepted: true }])
  const inconclusive = joinLivePatch({ ...main, verdict: 'inconclusive', exitCode: 2 }, outcome([], [hazard]), new Map(), new Map(), [])
  t.equal(inconclusive.exitCode, 2, 'inconclusive stays 2 (already not a pass)')
  const clean = joinLivePatch(main, outcome([]), new Map(), new Map(), [])
  t.equal(clean.exitCode, 0)
  t.same(clean.livepatch, { cflags: ['-O2'], functions: [], hazards: [], durationMs: 5 })
})

t.test('joinLivePatch: the object step failed: an error, nothing listed, the exit code untouched', async t => {
  const r = joinLivePatch(main, { cflags: ['-O2'], error: 'gcc failed: x', durationMs: 3 }, new Map(), new Map(), [])
  t.same(r.livepatch, { cflags: ['-O2'], functions: [], hazards: [], error: 'gcc failed: x', durationMs: 3 })
  t.equal(r.exitCode, 0)
  const silent = joinLivePatch(main, { cflags: [], durationMs: 1 }, new Map(), new Map(), [])
  t.equal(silent.livepatch!.error, 'no object-level result')
})
