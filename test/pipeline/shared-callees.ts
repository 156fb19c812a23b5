import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { findSharedCallees, type SharedCallees } from '../../src/extract/shared-callees.js'
import type { FunctionPair } from '../../src/extract/types.js'
import { identicalParts, identicalReport, sharedPair, sharedReport, verifySharing, type Sharing } from '../../src/pipeline/shared-callees.js'
import type { ProofReport } from '../../src/report/types.js'
import { equivalent, unintended } from '../fixtures/reports.js'

const HELPER = 'static int nr(unsigned long w) { int n = 0; while (w) { n++; w >>= 1; } return n; }\n'

async function facts(caller: string, newCaller = caller): Promise<SharedCallees> {
  const o = await analyzeUnit(`${HELPER}${caller}`)
  const n = await analyzeUnit(`${HELPER}${newCaller}`)
  try {
    return findSharedCallees(o, n, 'f', new Set())
  } finally {
    o.tree.delete()
    n.tree.delete()
  }
}

/** A pair as extraction gives it (renamed texts), with its shared-callee facts. */
async function pairOf(caller: string, newCaller = caller, extra: Partial<FunctionPair> = {}): Promise<FunctionPair> {
  const sc = await facts(caller, newCaller)
  const unit = (prefix: string, c: string) => ({
    prefix, text: `${HELPER}${c}`.replace(/\b(nr|f)\b/g, `${prefix}$1`), functions: new Map([['nr', `${prefix}nr`], ['f', `${prefix}f`]]),
  })
  return {
    func: 'f', old: unit('klp_old_', caller), new: unit('klp_new_', newCaller), sharedCallees: sc, typeChanges: [], constChanges: [],
    externals: { externals: [], unsupported: [], indirect: 0 }, ...extra,
  } as unknown as FunctionPair
}

const CALLER = 'int f(unsigned long a) { return nr(a); }\n'
const CHANGED = 'int f(unsigned long a) { int r = nr(a); return r; }\n'

t.test('sharedPair: only in shared mode, without claims, when something is shared', async t => {
  const pair = await pairOf(CALLER, CHANGED)
  const shared: Sharing = { mode: 'shared' }
  const out = sharedPair(pair, { claims: [] }, shared)
  t.same(out.externals.externals.map(e => e.name), ['klp_sh_nr'])
  t.same(shared.abstracted?.map(c => c.name), ['nr'], 'the attempt knows what it shared')
  const inline: Sharing = { mode: 'inline' }
  t.equal(sharedPair(pair, { claims: [] }, inline), pair, 'inline mode')
  t.equal(inline.abstracted, undefined)
  const claimed: Sharing = { mode: 'shared' }
  t.equal(sharedPair(pair, { claims: [{ id: 'c', when: 'a > 1', differs: ['return'] }] } as never, claimed), pair, 'with claims: inline')
  t.equal(claimed.abstracted, undefined)
  const nothing = await pairOf('int f(unsigned long a) { return a; }\n')
  t.equal(sharedPair(nothing, { claims: [] }, { mode: 'shared' }), nothing, 'nothing to share')
})

t.test('identicalParts and identicalReport', async t => {
  const same = await pairOf(CALLER)
  const parts = identicalParts(same, { claims: [] })!
  t.equal(parts.verdict, 'equivalent')
  t.match(parts.summary, /identical in both versions .*no solver run/)
  t.equal(identicalParts(await pairOf(CALLER, CHANGED), { claims: [] }), undefined, 'a changed caller')
  t.equal(identicalParts(same, { claims: [{ id: 'c' }] } as never), undefined, 'a claim says it differs: proved the normal way')
  t.equal(identicalParts({ ...same, typeChanges: [{ type: 'struct s', detail: 'x' }] }, { claims: [] }), undefined, 'type changes')
  t.equal(identicalParts({ ...same, constChanges: ['k: 1 → 2'] }, { claims: [] }), undefined, 'const changes')
  t.equal(identicalParts({ ...same, sharedCallees: undefined }, { claims: [] }), undefined, 'not looked for')
  const base: ProofReport = { ...equivalent, runs: [], bounds: [...equivalent.bounds, { what: 'define (-D)', value: 'X=1', isDefault: false }] }
  const r = identicalReport(base)
  t.same(r.unwinding, { ...base.unwinding, kind: 'unbounded', techniques: [{ what: 'msg_fill()', technique: 'identical' }] })
  t.same(r.bounds.map(b => b.what), ['unwinding bound', 'define (-D)'], 'no bound, and which code was compared')
  t.match(r.bounds[0]!.value, /^none: identical code/)
})

t.test('sharedReport: the shared callees in bounds and techniques; unbounded only when nothing else is bounded', async t => {
  const pair = await pairOf(CALLER, CHANGED)
  const sharing: Sharing = { mode: 'shared' }
  sharedPair(pair, { claims: [] }, sharing)
  const noBuffers = { buffers: {} }
  const r = sharedReport(equivalent, pair, noBuffers, sharing)
  t.equal(r.unwinding.kind, 'unbounded')
  t.same(r.unwinding.techniques?.map(x => [x.what, x.technique]), [['nr()', 'shared-callee']])
  t.match(r.unwinding.techniques?.[0]?.assumes, /terminates/)
  t.same(r.bounds.at(-1), { what: 'shared callee nr()', value: 'unchanged: one uninterpreted function for both versions, not inlined (no bound on its loops; its own safety checks not repeated)', isDefault: true })
  t.equal(sharedReport(equivalent, pair, { buffers: { buf: 'len' } }, sharing).unwinding.kind, 'bounded', 'a buffer keeps its --max-size')
  t.equal(sharedReport({ ...equivalent, sizes: { requested: 8, reduced: false, steps: [] } }, pair, noBuffers, sharing).unwinding.kind, 'bounded', 'buffer bounds stepped through')
  t.equal(sharedReport({ ...equivalent, unwinding: { ...equivalent.unwinding, complete: false } }, pair, noBuffers, sharing).unwinding.kind, 'bounded', 'incomplete')
  t.equal(sharedReport(unintended, pair, noBuffers, sharing).unwinding.kind, 'bounded', 'not equivalent')
  const looping = await pairOf(CALLER, 'int f(unsigned long a) { int r = 0; while (a--) r += nr(a); return r; }\n')
  const s2: Sharing = { mode: 'shared' }
  sharedPair(looping, { claims: [] }, s2)
  t.equal(sharedReport(equivalent, looping, noBuffers, s2).unwinding.kind, 'bounded', 'the caller loops')
  t.equal(sharedReport(equivalent, pair, noBuffers, { mode: 'inline' }), equivalent, 'nothing shared: unchanged')
})

t.test('verifySharing: a shared equivalent stands; anything else is proved again inlined', async t => {
  const callee = (await facts(CALLER)).callees
  const attempts: string[] = []
  const once = (verdicts: Record<Sharing['mode'], ProofReport>, share = true) => async (s: Sharing) => {
    attempts.push(s.mode)
    if (s.mode === 'shared' && share) s.abstracted = callee
    return verdicts[s.mode]
  }
  t.equal(await verifySharing(once({ shared: equivalent, inline: unintended })), equivalent)
  t.same(attempts.splice(0), ['shared'])
  t.equal(await verifySharing(once({ shared: unintended, inline: unintended }, false)), unintended, 'nothing shared: one attempt')
  t.same(attempts.splice(0), ['shared'])
  const inconclusive: ProofReport = { ...unintended, verdict: 'inconclusive', reason: 'timeout' }
  const r = await verifySharing(once({ shared: inconclusive, inline: unintended }))
  t.same(attempts.splice(0), ['shared', 'inline'])
  t.equal(r.verdict, 'unintended', 'the inlined verdict stands')
  t.same(r.runs.map(x => x.run), [...inconclusive.runs.map(x => `shared-${x.run}`), ...unintended.runs.map(x => x.run)])
  t.equal(r.hints.at(-1), 'with nr() shared (not inlined) the proof was inconclusive (timeout); this verdict is with it inlined')
  t.equal(r.timings.totalMs, inconclusive.timings.totalMs + unintended.timings.totalMs)
  const two = await verifySharing(async s => {
    if (s.mode === 'shared') s.abstracted = [...callee, { ...callee[0]!, name: 'other' }]
    return unintended
  })
  t.match(two.hints.at(-1), /^with nr\(\), other\(\) shared \(not inlined\) the proof was unintended; this verdict is with them inlined$/)
})

t.test('verifySharing: a shared attempt that throws is proved inlined; an abort or a failure without sharing is thrown', async t => {
  const callee = (await facts(CALLER)).callees
  const failing = (share: boolean) => async (s: Sharing) => {
    if (s.mode === 'inline') return unintended
    if (share) s.abstracted = callee
    throw new Error('stand-in did not build')
  }
  t.equal(await verifySharing(failing(true)), unintended)
  await t.rejects(verifySharing(failing(false)), /stand-in did not build/, 'nothing shared: the error is the proof\'s')
  const ac = new AbortController()
  ac.abort()
  await t.rejects(verifySharing(failing(true), ac.signal), /stand-in did not build/, 'aborted: no second attempt')
})

t.test('a recursive target: induction in the bounds and techniques', async t => {
  const src = (body: string) => `unsigned int f(unsigned int a) { ${body} }\n`
  const o = await analyzeUnit(src('return a < 10 ? a : a % 10 + f(a / 10);'))
  const n = await analyzeUnit(src('if (a <= 9) return a; return f(a / 10) + a % 10;'))
  const sc = findSharedCallees(o, n, 'f', new Set())
  o.tree.delete()
  n.tree.delete()
  const unit = (prefix: string, u: string) => ({ prefix, text: u.replace(/\bf\(/g, `${prefix}f(`), functions: new Map([['f', `${prefix}f`]]) })
  const pair = {
    func: 'f', old: unit('klp_old_', src('return a < 10 ? a : a % 10 + f(a / 10);')), new: unit('klp_new_', src('if (a <= 9) return a; return f(a / 10) + a % 10;')),
    sharedCallees: sc, typeChanges: [], constChanges: [], externals: { externals: [], unsupported: [], indirect: 0 },
  } as unknown as FunctionPair
  const sharing: Sharing = { mode: 'shared' }
  t.same(sharedPair(pair, { claims: [] }, sharing).externals.externals.map(e => e.name), ['klp_sh_f'])
  const r = sharedReport(equivalent, pair, { buffers: {} }, sharing)
  t.equal(r.unwinding.kind, 'unbounded')
  t.same(r.unwinding.techniques?.map(x => [x.what, x.technique]), [['recursion of f()', 'induction']])
  t.match(r.unwinding.techniques?.[0]?.assumes, /^partial equivalence: for every input on which both versions terminate/)
  t.same(r.bounds.at(-1)?.what, 'recursion of f()')
})
