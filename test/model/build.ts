/** buildProofModel and its parts over hand-built extraction facts (no gcc, no cbmc): one row per rule. */
import t from 'tap'
import { buildProofModel, checkParams, emitterOptions, exprList, proofModes } from '../../src/model/build.js'
import { LIMITS } from '../../src/model/world.js'
import type { ProofMode, ProofRequest } from '../../src/model/types.js'
import { ALL, F, INT, REQ, VOID, claim, external, facts, ptr, type PairSpec } from '../fixtures/model-pair.js'

const req = (over: Partial<ProofRequest>): ProofRequest => ({ ...REQ, ...over })

t.test('exprList: assumes, buffer lengths, WHENs, THENs (1 for a missing THEN), world refs as identifiers', async t => {
  t.same(exprList(req({
    assumes: ['a1', 'a2'],
    buffers: { buf: 'len', out: 'n' },
    claims: [claim('c1', 'w1', 't1'), claim('c2', 'w2'), claim('c3', '@f(1) > 0', 't3')],
  })), ['a1', 'a2', 'len', 'n', 'w1', 'w2', '__klp_world_f__1 > 0', 't1', '1', 't3'])
})

t.test('exprList checks each text as written, before gcc -E sees it', async t => {
  const rows: [string, Partial<ProofRequest>, string | RegExp, RegExp][] = [
    ['assume', { assumes: ['a // c'] }, "--assume 'a // c' contains a comment ('//'); comments are not allowed in assumptions", /at entry/],
    ['buffer', { buffers: { b: 'n /* x */' } }, "--buffer b:n /* x */ contains a comment ('/*'); comments are not allowed in buffer lengths", /scalar parameters/],
    ['WHEN', { claims: [claim('c', '#x')] }, /^WHEN of claim c \('#x'\)/, /at entry/],
    ['THEN', { claims: [claim('c', 'x', 'y // z')] }, "THEN of claim c ('y // z') contains a comment ('//'); comments are not allowed in claims", /after the new version returns/],
  ]
  for (const [what, over, message, hint] of rows) t.throws(() => exprList(req(over)), { name: 'UsageError', message, hint }, what)
})

t.test('checkParams: --nullable and --buffer name pointer parameters; no variadic functions', async t => {
  const none: PairSpec = { func: 'none' }
  const rows: [string, PairSpec, Partial<ProofRequest>, string, string][] = [
    ['--nullable of no parameter', F, { nullable: ['nope'] }, '--nullable nope: f() has no parameter nope', 'parameters: o, buf, len, cb, flag'],
    ['--nullable of a scalar', F, { nullable: ['len'] }, '--nullable len: parameter len is not a pointer', 'only pointer parameters can be NULL'],
    ['--nullable without parameters', none, { nullable: ['p'] }, '--nullable p: none() has no parameter p', 'parameters: none'],
    ['--buffer of no parameter', F, { buffers: { data: 'len' } }, '--buffer data:…: f() has no parameter data', 'parameters: o, buf, len, cb, flag'],
    ['--buffer of a scalar', F, { buffers: { flag: 'len' } }, '--buffer flag:…: parameter flag is not a data pointer', 'give --buffer PARAM:LEN for a pointer parameter'],
    ['--buffer of a function pointer', F, { buffers: { cb: '4' } }, '--buffer cb:…: parameter cb is not a data pointer', 'give --buffer PARAM:LEN for a pointer parameter'],
    ['variadic', { ...F, variadic: true }, {}, 'f() is variadic, which klp-verify does not support', 'prove a non-variadic caller or wrapper instead'],
  ]
  for (const [what, spec, over, message, hint] of rows) {
    const r = req(over)
    t.throws(() => checkParams(facts(spec, r), r), { name: 'UsageError', message, hint, exitCode: 3 }, what)
  }
  t.doesNotThrow(() => checkParams(facts(F, REQ), { nullable: ['o', 'buf'], buffers: { buf: 'len' } }), 'pointer parameters')
})

t.test('proofModes: equivalence, one run per claim, safety per version (restricted by safety claims)', async t => {
  const eq: ProofMode = { kind: 'equiv' }
  const newAll: ProofMode = { kind: 'safety', version: 'new', restrict: 'all' }
  const rows: [string, Parameters<typeof proofModes>[0], ProofMode[]][] = [
    ['no claims', [], [eq, { kind: 'safety', version: 'old', restrict: 'all' }, newAll]],
    ['a claim that does not allow safety to differ', [{ differs: ['return'] }], [eq, { kind: 'claim', claim: 0 }, { kind: 'safety', version: 'old', restrict: 'all' }, newAll]],
    ['a safety claim', [{ differs: ['return'] }, { differs: ['safety'] }], [
      eq, { kind: 'claim', claim: 0 }, { kind: 'claim', claim: 1 },
      { kind: 'safety', version: 'old', restrict: 'outside-safety-claims' }, { kind: 'safety', version: 'old', restrict: { claim: 1 } }, newAll,
    ]],
    ['a safety claim about the world cannot restrict a one-version run', [{ differs: ['safety'], world: true }], [
      eq, { kind: 'claim', claim: 0 }, { kind: 'safety', version: 'old', restrict: 'all' }, newAll,
    ]],
  ]
  for (const [what, claims, want] of rows) t.same(proofModes(claims), want, what)
})

t.test('buildProofModel: every expression carries the text it came from', async t => {
  const r = req({
    assumes: ['flag != MODE_A', 'counter < 100'],
    buffers: { buf: 'len' },
    nullable: ['o'],
    held: ['&o->a'],
    claims: [claim('big', 'IS_BIG(len)', 'ret == -22', ['return']), claim('w', 'len == 0', undefined, ['safety'])],
    maxSize: 7,
  })
  // gcc -E expanded IS_BIG(len) in the old version's context
  const m = await buildProofModel(facts(F, r, { old: e => e.replace('IS_BIG(len)', '((len) > 8)') }), r)
  t.same(m, {
    func: 'f',
    inputs: { buffers: [{ param: 'buf', source: 'len', c: '(len)' }], nullable: ['o'], maxSize: 7, initGlobals: false, pointerDepth: 1 },
    assumptions: [{ source: 'flag != MODE_A', c: '(flag != MODE_A)' }, { source: 'counter < 100', c: '(klp_old_counter < 100)' }],
    claims: [
      { id: 'big', source: { when: 'IS_BIG(len)', then: 'ret == -22' }, when: '(((len) > 8))', then: '(klp_ret_new == -22)', differs: ['return'] },
      { id: 'w', source: { when: 'len == 0' }, when: '(len == 0)', then: undefined, differs: ['safety'] },
    ],
    held: [{ source: '&o->a', old: '(&o->a)', new: '(&klp_new_o->a)' }],
    world: { stubs: [], limits: { ...LIMITS, calls: 0, seq: 0, blob: 0 } }, // no external calls: an empty world
    modes: proofModes([{ differs: ['return'] }, { differs: ['safety'] }]),
  })
  t.same(JSON.parse(JSON.stringify(m)), { ...m, claims: m.claims.map(({ then, ...c }) => (then === undefined ? c : { ...c, then })) }, 'plain JSON data')
})

t.test('buildProofModel: names by point of the proof', async t => {
  const r = req({ claims: [claim('c', 'old_only == 1 && MODE_A', 'new_only == 9 && counter == old_ret && o != 0')] })
  const m = await buildProofModel(facts(F, r), r)
  t.same(m.claims[0]!.when, '(klp_old_old_only == 1 && MODE_A)', 'WHEN: the old globals at entry, enumerators stay')
  t.same(m.claims[0]!.then, '(klp_new_new_only == 9 && klp_new_counter == klp_ret_old && klp_new_o != 0)', 'THEN: new globals, old_ret, new copies of pointers')
  const rows: [string, Partial<ProofRequest>, PairSpec, RegExp, RegExp][] = [
    ['a static local is no global', { claims: [claim('c', 'calls > 0')] }, F, /^WHEN of claim c \('calls > 0'\) uses 'calls'/, /at entry/],
    ['ret at entry', { claims: [claim('c', 'ret == 0')] }, F, /^WHEN of claim c \('ret == 0'\) uses 'ret'/, /at entry/],
    ['a length over a pointer', { buffers: { buf: 'o->a' } }, F, /^--buffer buf:o->a uses 'o'/, /scalar parameters/],
    ['a length over a global', { buffers: { buf: 'counter' } }, F, /^--buffer buf:counter uses 'counter'/, /scalar parameters/],
    ['a bad assumption', { assumes: ['len >'] }, F, /^--assume 'len >' is not a C expression/, /at entry/],
    ['a void function has no ret', { claims: [claim('v', 'n > 0', 'ret == 0')] }, { func: 'g', params: [['n', INT]], ret: VOID }, /^THEN of claim v \('ret == 0'\) uses 'ret'/, /^g\(\) returns void, so there is no ret; /],
    ['a held lock that assigns', { held: ['&o[flag++]'] }, F, /^held: '&o\[flag\+\+\]' assigns/, /^write the lock the caller holds/],
  ]
  for (const [what, over, spec, message, hint] of rows) {
    const rr = req(over)
    await t.rejects(buildProofModel(facts(spec, rr), rr), { name: 'UsageError', message, hint, exitCode: 3 }, what)
  }
})

t.test('buildProofModel: the world, checked against each callee', async t => {
  const fill = external('blob_fill', [ptr(INT), INT])
  const spec: PairSpec = { ...F, externals: [fill, external('kfree', [ptr(VOID)], VOID)] }
  const r = req({ externals: { blob_fill: [{ arg: 0, size: 'arg1' }] }, claims: [claim('w', '@blob_fill(1) != 0', undefined, ['calls'])] })
  const models = new Map([['kfree', { kind: 'free' as const }]])
  const m = await buildProofModel(facts(spec, r), r, models)
  t.same(m.world.stubs.map(s => [s.fn.name, s.model, s.writes]), [['blob_fill', undefined, [{ arg: 0, size: 'arg1' }]], ['kfree', { kind: 'free' }, undefined]])
  t.same(m.claims[0], { id: 'w', source: { when: '@blob_fill(1) != 0' }, when: '((klp_blob_fill_n[0] >= 1 ? klp_blob_fill_ret[0][0] : 0) != 0)', then: undefined, differs: ['calls'], world: true })
  const bad = req({ externals: { nope: [] } })
  await t.rejects(buildProofModel(facts(spec, bad), bad), { name: 'UsageError', message: 'externals: nope is not an external function f() calls', hint: 'external functions called: blob_fill, kfree' })
})

t.test('emitterOptions: the model\'s flat view', async t => {
  const r = req({ assumes: ['len < 4'], buffers: { buf: 'len' }, held: ['&o->a'], claims: [claim('c', 'len > 1', undefined, ALL)], initGlobals: true })
  const m = await buildProofModel(facts(F, r), r)
  t.same(emitterOptions(m), {
    buffers: { buf: '(len)' }, nullable: [], maxSize: 16, assumes: ['(len < 4)'], claims: m.claims, initGlobals: true, pointerDepth: 1,
    externals: [], held: [{ old: '(&o->a)', new: '(&klp_new_o->a)' }],
  })
  t.notOk('held' in emitterOptions(await buildProofModel(facts(F, REQ), REQ)), 'no held locks: no held key')
})
