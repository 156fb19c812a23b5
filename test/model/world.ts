/** The world of a proof: stubs, models and out-parameters against each callee's arguments (no gcc). */
import t from 'tap'
import { ARG_EXPR_HINT } from '../../src/extract/validate-expr.js'
import { DYN_BASE, MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ, SNAP_POINTER_BYTES } from '../../src/model/names.js'
import type { ModelSpec, OutParamWrite } from '../../src/model/types.js'
import type { ExternalStub } from '../../src/model/types.js'
import { LIMITS, MODEL_EXPR_FIELDS, buildWorld, checkExternalNames, checkModelExprs, handsOutObjects, noteModelSource, snapshotArgs, snapshotBytes, stubCalls, worldBounds, worldSize, writeBytes } from '../../src/model/world.js'
import { F, FN, INT, REQ, STRUCT, VOID, external, facts, ptr } from '../fixtures/model-pair.js'

const fill = external('blob_fill', [ptr(INT), INT])
const pair = facts({ ...F, externals: [fill, external('kfree', [ptr(VOID)], VOID)] }, REQ)

t.test('the limits are the naming contract\'s', async t => {
  t.same(LIMITS, { calls: MAX_CALLS, seq: MAX_SEQ, locks: MAX_LOCKS, blob: MAX_BLOB, dynBase: DYN_BASE })
  t.same(MODEL_EXPR_FIELDS, ['size', 'ptr', 'lock', 'to', 'from', 'value'])
})

t.test('buildWorld: one stub per external function, with its model and writes', async t => {
  const models = new Map<string, ModelSpec>([['kfree', { kind: 'free' }], ['unused', { kind: 'log' }]])
  const w = buildWorld(pair, { blob_fill: [{ arg: 0, size: 'arg1 * 4' }] }, models)
  t.same(w.stubs.map(s => [s.fn.name, s.model, s.writes]), [['blob_fill', undefined, [{ arg: 0, size: 'arg1 * 4' }]], ['kfree', { kind: 'free' }, undefined]])
  t.same(w.limits, { ...LIMITS, seq: 2 * MAX_CALLS, blob: 1 + MAX_BLOB }, 'calls the code does not bound: the largest world; blobs: what blob_fill is given')
  const bounded = facts({ ...F, externals: [{ ...fill, maxCalls: 2 }, { ...external('kfree', [ptr(VOID)], VOID), maxCalls: 1 }] }, REQ)
  t.same(buildWorld(bounded, {}, models).limits, { ...LIMITS, calls: 2, seq: 3, blob: 1 + MAX_BLOB }, 'sized to the calls the code can make')
  t.same(buildWorld(facts(F, REQ), {}, models).stubs, [], 'no external calls: no stubs')
})

t.test('buildWorld: writes and models beyond the callee\'s arguments are ConfigErrors', async t => {
  const rows: [string, Record<string, readonly OutParamWrite[]>, Map<string, ModelSpec>, string, string][] = [
    ['writes beyond the arity', { blob_fill: [{ arg: 2, size: '4' }] }, new Map(), 'externals: blob_fill: writes arg 2, but blob_fill() takes 2 arguments', 'writes.arg counts the arguments from 0 (arg: 0 is the first)'],
    ['writes through a scalar', { blob_fill: [{ arg: 1, size: '4' }] }, new Map(), 'externals: blob_fill: writes arg 1, but that argument of blob_fill() is not a pointer', 'writes.arg names the out-parameter (a pointer) the function writes through'],
    ['a size beyond the arity', { blob_fill: [{ arg: 0, size: 'arg2' }] }, new Map(), "externals: blob_fill: writes size 'arg2' uses 'arg2', which is not an argument of blob_fill() (it takes arg0..arg1)", ARG_EXPR_HINT],
    ['a model beyond the arity', {}, new Map([['kfree', { kind: 'free', ptr: 'arg1' }]]), "model kfree: ptr 'arg1' uses 'arg1', which is not an argument of kfree() (it takes arg0)", ARG_EXPR_HINT],
  ]
  for (const [what, writes, models, message, hint] of rows) t.throws(() => buildWorld(pair, writes, models), { name: 'ConfigError', message, hint, exitCode: 3 }, what)
  const one = facts({ ...F, externals: [external('one', [ptr(INT)])] }, REQ)
  t.throws(() => buildWorld(one, { one: [{ arg: 1, size: '1' }] }, new Map()), { message: 'externals: one: writes arg 1, but one() takes 1 argument' }, 'one argument')
})

t.test('checkExternalNames: the spec names functions the code calls', async t => {
  t.doesNotThrow(() => checkExternalNames(pair, ['blob_fill']))
  t.throws(() => checkExternalNames(pair, ['nope']), { name: 'UsageError', message: 'externals: nope is not an external function f() calls', hint: 'external functions called: blob_fill, kfree' })
  t.throws(() => checkExternalNames(facts(F, REQ), ['nope']), { hint: 'external functions called: none' })
})

t.test('checkModelExprs: over arg0, arg1, …, naming the file a model came from', async t => {
  const m: ModelSpec = { kind: 'copy-in', to: 'arg0', size: 'arg2' }
  t.doesNotThrow(() => checkModelExprs('two', m, undefined, { arity: 3 }), 'within the arity')
  t.doesNotThrow(() => checkModelExprs('two', m), 'any argument without a callee')
  noteModelSource(m, '/m/site.yaml')
  t.throws(() => checkModelExprs('two', m, undefined, { arity: 2 }), {
    name: 'ConfigError', message: "/m/site.yaml: model two: size 'arg2' uses 'arg2', which is not an argument of two() (it takes arg0..arg1)", hint: ARG_EXPR_HINT,
  })
  t.throws(() => checkModelExprs('x', { kind: 'warn', value: 'arg0 = 1' }), { message: /^model x: value 'arg0 = 1' assigns/ }, 'a model built in code: no file to name')
})

const stub = (maxCalls: number | undefined, ret = INT, model?: ModelSpec): ExternalStub => ({ fn: { ...external('g', [INT], ret), ...(maxCalls === undefined ? {} : { maxCalls }) }, model })

t.test('stubCalls: the calls the code can make, at least one, at most MAX_CALLS', async t => {
  const rows: [number | undefined, number][] = [[undefined, MAX_CALLS], [0, 1], [1, 1], [3, 3], [MAX_CALLS, MAX_CALLS], [MAX_CALLS + 1, MAX_CALLS], [1e9, MAX_CALLS]]
  for (const [maxCalls, want] of rows) t.equal(stubCalls(stub(maxCalls)), want, `maxCalls ${maxCalls}`)
})

t.test('handsOutObjects: allocations and data pointer answers of uninterpreted functions', async t => {
  const rows: [string, ExternalStub, boolean][] = [
    ['an alloc model', stub(1, ptr(VOID), { kind: 'alloc' }), true],
    ['a free model', stub(1, VOID, { kind: 'free' }), false],
    ['a copy-in model answering a pointer', stub(1, ptr(VOID), { kind: 'copy-in' }), false],
    ['uninterpreted, struct pointer answer', stub(1, ptr(STRUCT)), true],
    ['uninterpreted, function pointer answer', stub(1, FN), false],
    ['uninterpreted, scalar answer', stub(1), false],
  ]
  for (const [what, s, want] of rows) t.equal(handsOutObjects(s), want, what)
})

t.test('writeBytes: a constant size as written, else MAX_BLOB', async t => {
  const rows: [string, number][] = [['4', 4], [' 16 ', 16], ['0', 1], [String(MAX_BLOB + 1), MAX_BLOB], ['arg2', MAX_BLOB], ['sizeof(struct s)', MAX_BLOB], ['0x10', MAX_BLOB]]
  for (const [size, want] of rows) t.equal(writeBytes(size), want, size)
})

t.test('worldSize: the call log, copied-out blobs and world objects of the stubs', async t => {
  const alloc = stub(2, ptr(VOID), { kind: 'alloc' })
  const s = worldSize([stub(1), alloc, stub(undefined, ptr(STRUCT)), stub(1, VOID, { kind: 'copy-out' })])
  t.same(s.calls, [1, 2, MAX_CALLS, 1])
  t.equal(s.seq, Math.min(MAX_SEQ, 4 + MAX_CALLS))
  t.equal(s.blob, MAX_BLOB, 'a copy-out model: blobs are compared')
  t.same(s.slot, [null, 0, 2, null], 'slots packed, in stub order')
  t.same(s.dynamic.map(d => [d.slot, d.id - DYN_BASE]), [[0, MAX_CALLS], [1, MAX_CALLS + 1], ...Array.from({ length: MAX_CALLS }, (_, k) => [2 + k, 2 * MAX_CALLS + k])], 'ids by stub and call, as the classifier reads them')
  t.same(worldSize(Array.from({ length: 4 }, () => stub(undefined))).seq, MAX_SEQ, 'at most MAX_SEQ in all')
  t.equal(worldSize([stub(1, INT, { kind: 'output' })]).blob, MAX_BLOB, 'an output model logs its text as a blob too')
  t.same(worldSize([]), { calls: [], seq: 0, blob: 0, slot: [], dynamic: [] })
})

t.test('snapshotArgs: the data pointer arguments of an uninterpreted function; models say what they read', async t => {
  const ext = (params: Parameters<typeof external>[1], model?: ModelSpec): ExternalStub => ({ fn: external('ext_copy', params), model })
  const copy = ext([ptr(VOID), ptr({ kind: 'scalar', text: 'char' }), INT, FN, ptr(STRUCT)])
  t.same(snapshotArgs(copy), [0, 1, 4], 'not the length, not the callback')
  t.equal(snapshotBytes(copy), 3 * (1 + MAX_BLOB), 'a length byte and at most MAX_BLOB bytes each')
  t.equal(snapshotBytes(ext([ptr(ptr({ kind: 'scalar', text: 'char' })), ptr(VOID)])), 1 + SNAP_POINTER_BYTES + 1 + MAX_BLOB, 'of a pointer to pointers, the first pointer')
  t.same(snapshotArgs(ext([ptr(VOID), INT], { kind: 'copy-out' })), [], 'a model')
  t.same(snapshotArgs(ext([INT, FN])), [])
  t.equal(worldSize([copy, stub(1, VOID, { kind: 'copy-out' })]).blob, 3 * (1 + MAX_BLOB), 'the largest of the blobs')
  t.equal(worldSize([ext([ptr(INT)]), stub(1, VOID, { kind: 'copy-out' })]).blob, 1 + MAX_BLOB, 'one argument: its length byte and MAX_BLOB bytes')
})

t.test('worldBounds: the report says how much of the memory behind pointer arguments is compared', async t => {
  const world = (names: string[]) => ({ stubs: names.map(n => ({ fn: external(n, [ptr(INT)]) })), limits: LIMITS })
  t.same(worldBounds({ stubs: [{ fn: external('g', [INT]) }], limits: LIMITS }), [])
  const [b] = worldBounds(world(['a', 'b']))
  t.equal(b!.what, 'pointer arguments of external calls')
  t.match(b!.value, new RegExp(`^the first ${MAX_BLOB} bytes behind each compared \\(of an array of pointers, the first pointer\\), pointers in them by object \\(a, b\\)$`))
  t.match(worldBounds(world(['a', 'b', 'c', 'd']))[0]!.value, /\(a, b, c, …\)$/)
})
