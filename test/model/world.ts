/** The world of a proof: stubs, models and out-parameters against each callee's arguments (no gcc). */
import t from 'tap'
import { ARG_EXPR_HINT } from '../../src/extract/validate-expr.js'
import { DYN_BASE, MAX_BLOB, MAX_CALLS, MAX_LOCKS, MAX_SEQ } from '../../src/model/names.js'
import type { ModelSpec, OutParamWrite } from '../../src/model/types.js'
import { LIMITS, MODEL_EXPR_FIELDS, buildWorld, checkExternalNames, checkModelExprs, noteModelSource } from '../../src/model/world.js'
import { F, INT, REQ, VOID, external, facts, ptr } from '../fixtures/model-pair.js'

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
  t.equal(w.limits, LIMITS)
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
